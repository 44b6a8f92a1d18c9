/*
 * split.c - a large file read in two halves, one per core, with the same result as one pass.
 *
 * The file is cut at the first line break after its middle. The second half is read on a
 * thread of its own by a worker that numbers respondents locally, while this thread reads
 * the first half into the run's tables; then the second half's records are renumbered and
 * appended, as if one pass had read them in order. Respondent numbers follow first
 * appearance, so appending the second half's new ones in their own order of appearance
 * gives exactly the numbers a single pass gives; line numbers are shifted by the first
 * half's line count; sequence numbers and level offsets by its size. Barriers are the
 * model's, so their bits need no renumbering. The file's encoding and delimiter were found
 * before (csvsniff.c), so both halves read it the same way; UTF-16 files are never split.
 *
 * A cut inside a quoted field (a multi-line comment spanning the middle) leaves the first
 * half ending in an open quote, which csvread reports. Then, or when either half fails for
 * any reason, everything the split read added is undone and the caller reads the file whole,
 * which also gives the true error of a broken file.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "ingest_internal.h"
#include "tna/dates.h"
#include "tna/text.h"

#define SPLIT_MIN_BYTES (8L << 20)

typedef struct half {
    file_ctx f;
    worker w;
    period_ctx per;
    tna_source_stats stats;
    tna_error err;
    off_t start;
    long lines;
    tna_status status;
} half;

static gpointer read_second_half(gpointer data)
{
    half *h = data;
    tna_csv_options opt = rows_csv_options(&h->f);
    h->status = tna_csv_read_range(h->f.path, &opt, h->start, 0, rows_on_record, &h->f,
                                   &h->lines, &h->err);
    if (h->status == TNA_OK)
        h->status = h->f.status;
    return NULL;
}

/* The offset just after the first line break at or after the middle; 0 when none. */
static off_t find_cut(const char *path, off_t size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return 0;
    char buf[65536];
    off_t at = size / 2, cut = 0;
    while (cut == 0) {
        ssize_t got = pread(fd, buf, sizeof buf, at);
        if (got <= 0)
            break;
        char *nl = memchr(buf, '\n', (size_t)got);
        if (nl)
            cut = at + (nl - buf) + 1;
        at += got;
    }
    close(fd);
    return cut < size ? cut : 0;
}

/* What the first half added to the run and the period, so that it can be taken back. */
typedef struct undo {
    uint32_t respondents;
    guint records, levels, dq;
    uint32_t seq;
    tna_source_stats stats;
} undo;

static undo undo_mark(const file_ctx *f)
{
    undo u = {*f->w->next_id, f->per->records->len, f->per->levels->len, f->per->dq->len,
              f->per->seq, *f->stats};
    return u;
}

static void undo_back(file_ctx *f, const undo *u, GPtrArray *new_keys)
{
    for (guint i = 0; i < new_keys->len; i++)
        g_hash_table_remove(f->w->respondents, g_ptr_array_index(new_keys, i));
    *f->w->next_id = u->respondents;
    g_array_set_size(f->per->records, u->records);
    g_array_set_size(f->per->levels, u->levels);
    g_array_set_size(f->per->dq, u->dq);
    f->per->seq = u->seq;
    *f->stats = u->stats;
    if (f->mapped)
        column_map_clear(&f->map);
    f->mapped = false;
    g_array_set_size(f->pending, 0);
    memset(&f->sniff, 0, sizeof f->sniff);
}

/* Global number of each local respondent of the second half, in order of appearance. */
static uint32_t *renumber_respondents(file_ctx *f, worker *local)
{
    uint32_t *map = g_new(uint32_t, local->local_keys->len + 1);
    for (guint i = 0; i < local->local_keys->len; i++) {
        char *key = g_ptr_array_index(local->local_keys, i);
        gpointer v = key ? g_hash_table_lookup(f->w->respondents, key) : NULL;
        if (v) {
            map[i] = (uint32_t)(GPOINTER_TO_SIZE(v) - 1);
            continue;
        }
        map[i] = (*f->w->next_id)++;
        if (key) /* the local chunk goes with the local worker: copy the key over */
            g_hash_table_insert(f->w->respondents, g_string_chunk_insert(f->w->keys, key),
                                GSIZE_TO_POINTER((gsize)map[i] + 1));
    }
    return map;
}

/* Appends the second half to the first, renumbered. */
static void join(file_ctx *f, half *h, long line_offset)
{
    uint32_t *resp = renumber_respondents(f, &h->w);
    guint base = f->per->records->len;
    size_t level_base = f->per->levels->len;
    for (guint i = 0; i < h->per.records->len; i++) {
        tna_record rec = g_array_index(h->per.records, tna_record, i);
        rec.respondent = resp[rec.respondent];
        rec.seq += f->per->seq;
        rec.levels_at += level_base;
        g_array_append_val(f->per->records, rec);
    }
    g_array_append_vals(f->per->levels, h->per.levels->data, h->per.levels->len);
    f->per->seq += h->per.seq;
    for (guint i = 0; i < h->per.dq->len; i++) {
        /* moved, not logged again: its value is already shortened (shortening a shortened
         * value again cut one more character; found by tests/fuzz/fuzz_ingest.c) */
        tna_dq_entry e = g_array_index(h->per.dq, tna_dq_entry, i);
        e.file = f->path;
        e.line += line_offset;
        e.value = g_string_chunk_insert_const(f->w->strings, e.value);
        e.reason = g_string_chunk_insert_const(f->w->strings, e.reason);
        g_array_append_val(f->per->dq, e);
    }
    for (guint i = 0; i < h->f.pending->len; i++) {
        pending_date p = g_array_index(h->f.pending, pending_date, i);
        p.record += base;
        p.line += line_offset;
        g_array_append_val(f->pending, p); /* its text stays in the second worker's chunk */
    }
    tna_date_sniff *a = &f->sniff;
    const tna_date_sniff *b = &h->f.sniff;
    if (b->first_bad_line && !a->first_bad_line)
        a->first_bad_line = b->first_bad_line + line_offset;
    if (b->first_ambiguous_line && !a->first_ambiguous_line)
        a->first_ambiguous_line = b->first_ambiguous_line + line_offset;
    a->values += b->values, a->iso_ok += b->iso_ok, a->dmy_ok += b->dmy_ok,
        a->mdy_ok += b->mdy_ok, a->any_ok += b->any_ok;
    f->stats->rows_read += h->stats.rows_read;
    f->stats->accepted += h->stats.accepted;
    f->stats->rejected += h->stats.rejected;
    f->stats->excluded += h->stats.excluded;
    f->stats->unrecognised_answers += h->stats.unrecognised_answers;
    f->stats->bad_dates += h->stats.bad_dates;
    f->stats->invalid_text += h->stats.invalid_text;
    g_free(resp);
}

tna_status split_read(file_ctx *f, off_t size, bool *done)
{
    *done = false;
    const tna_ingest_options *o = f->run->options;
    long min_bytes = o && o->split_min_bytes ? o->split_min_bytes : SPLIT_MIN_BYTES;
    if (size < min_bytes || f->source->format == TNA_FORMAT_EVALUATION ||
        g_get_num_processors() < 2 || (o && o->threads == 1))
        return TNA_OK;
    undo mark = undo_mark(f);
    GPtrArray *new_keys = g_ptr_array_new();
    f->w->new_keys = new_keys;
    tna_error *caller_err = f->err;

    /* The header, on this thread: map the columns and stop at the first data row. */
    tna_csv_options opt = rows_csv_options(f);
    f->stop_at_data = true;
    tna_status st = tna_csv_read_file(f->path, &opt, rows_on_record, f, f->err);
    f->stop_at_data = false;
    if (st == TNA_OK)
        st = f->status;
    off_t cut = st == TNA_OK && f->mapped ? find_cut(f->path, size) : 0;
    if (st != TNA_OK || cut == 0) { /* an error in the header is final; else read it whole */
        if (st == TNA_OK)
            undo_back(f, &mark, new_keys);
        f->w->new_keys = NULL;
        g_ptr_array_free(new_keys, TRUE);
        return st;
    }

    half *h = g_new0(half, 1);
    worker_init(&h->w, f->run, true);
    h->per = period_ctx_new();
    h->start = cut;
    h->stats = *f->stats; /* the encoding and delimiter found; counts are reset below */
    h->stats.rows_read = h->stats.accepted = h->stats.rejected = h->stats.excluded = 0;
    h->stats.unrecognised_answers = h->stats.bad_dates = h->stats.invalid_text = 0;
    file_ctx_init(&h->f, f->run, &h->w, &h->per, f->source_index, f->path, &h->stats, &h->err);
    h->f.map = f->map;
    h->f.mapped = true;
    h->f.all_data = true;
    GThread *thread = g_thread_new("tna-split", read_second_half, h);

    /* The first half, here. Its errors are not final (see the top of the file). */
    tna_error first_err = TNA_ERROR_INIT;
    long lines = 0;
    f->err = &first_err;
    st = tna_csv_read_range(f->path, &opt, 0, cut, rows_on_record, f, &lines, &first_err);
    if (st == TNA_OK)
        st = f->status;
    g_thread_join(thread);
    f->err = caller_err;
    f->status = TNA_OK;

    if (st == TNA_OK && h->status == TNA_OK && lines + 1 >= f->first_data_line) {
        join(f, h, lines);
        *done = true;
        st = rows_settle_dates(f); /* before the second worker's chunk (the texts) goes */
    } else {
        undo_back(f, &mark, new_keys);
        st = TNA_OK;
    }
    f->w->new_keys = NULL;
    g_ptr_array_free(new_keys, TRUE);
    file_ctx_clear(&h->f);
    period_ctx_free(&h->per);
    worker_clear(&h->w);
    g_free(h);
    return st;
}

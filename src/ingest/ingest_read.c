/*
 * ingest_read.c - one file, read by one worker or several and joined in file order.
 *
 * The first worker reads the header rows and maps the columns (rows.c). The rest of the file
 * is cut into byte ranges, one per worker (threads.h says how many): a cut is a line start,
 * moved on a little until the line after it splits as a whole record with every mapped
 * column (csvline.h), so that a record very likely starts there. Each worker reads its range
 * into tables of its own, touching nothing another worker or the run owns, so the workers
 * run on threads of their own without locks; the first one reads on this thread. One
 * worker is the same reading with one range: there is no other path.
 *
 * A worker stops at the first record boundary at or after the end of its range
 * (csvread.h), so a record cut by the end is read whole by the worker it starts in. The
 * join, in file order, checks each guess: when a worker stopped past the next one's start
 * (the cut fell inside a quoted field of several lines), the next one is read again, here,
 * from where the previous one stopped. Its first reading is dropped; it shared nothing, so
 * nothing needs undoing. An error belongs to a worker only once its start is known to be
 * right, and the worker is then read again from the line it starts on, so the message is the
 * one a single pass gives.
 *
 * The join numbers respondents in the run's key set in file order (numbers follow first
 * appearance however the file was cut), and courses likewise; shifts line numbers and
 * indices; copies logged values into the dataset's strings; and appends each worker's
 * records and levels to the period's, giving memory back as it copies, so that a file's
 * records are never held twice. The dates of an auto-dated file are read once every worker
 * is joined, as the whole column decides their format.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csvline.h"
#include "reader.h"
#include "tna/threads.h"

#define CUT_LOOK       65536      /* bytes looked at after a cut for a line that starts a record */
#define SLAB           (4u << 20) /* bytes copied before the copied part is given back */
#define PREFETCH_AHEAD 16         /* keys fetched ahead of the one being numbered */

/* ---- workers ------------------------------------------------------------------------------ */

#define WORKER_CACHES 10
static size_t worker_caches(worker *w, value_cache *out[WORKER_CACHES])
{
    value_cache *all[WORKER_CACHES] = {&w->authority_cache,    &w->role_cache,    &w->trained_cache,
                                       &w->applied_cache,      &w->medium_cache,  &w->rater_cache,
                                       &w->satisfaction_cache, &w->barrier_cache, &w->option_cache,
                                       &w->exclude_cache};
    memcpy(out, all, sizeof all);
    return WORKER_CACHES;
}

static void free_chunk(gpointer chunk)
{
    if (chunk != NULL) /* NULL: already given back by the join */
        g_byte_array_free(chunk, TRUE);
}

/* Frees the rows a worker read (the join has taken them), keeping its strings and pending
 * dates, which the join still points into. */
static void worker_free_rows(worker *w)
{
    if (w->records)
        g_array_free(w->records, TRUE);
    if (w->levels)
        g_array_free(w->levels, TRUE);
    if (w->evaluations)
        g_array_free(w->evaluations, TRUE);
    if (w->dq)
        g_array_free(w->dq, TRUE);
    if (w->keys)
        g_ptr_array_free(w->keys, TRUE);
    if (w->courses)
        g_hash_table_destroy(w->courses);
    if (w->course_keys)
        g_ptr_array_free(w->course_keys, TRUE);
    if (w->course_names)
        g_ptr_array_free(w->course_names, TRUE);
    w->records = w->levels = w->evaluations = w->dq = NULL;
    w->keys = NULL;
    w->courses = NULL;
    w->course_keys = w->course_names = NULL;
}

static void worker_free_tables(worker *w)
{
    worker_free_rows(w);
    if (w->pending)
        g_array_free(w->pending, TRUE);
    if (w->strings)
        g_string_chunk_free(w->strings);
    w->pending = NULL;
    w->strings = NULL;
}

/* Empty tables and counts: the state before reading. found: the file's stats so far (its
 * encoding, delimiter and date format), which every worker starts from. */
static void worker_start(worker *w, const tna_source_stats *found)
{
    w->strings = g_string_chunk_new(16 * 1024);
    w->records = g_array_new(FALSE, FALSE, sizeof(tna_record));
    w->levels = g_array_new(FALSE, FALSE, 1);
    w->evaluations = g_array_new(FALSE, FALSE, sizeof(tna_evaluation));
    w->dq = g_array_new(FALSE, FALSE, sizeof(tna_dq_entry));
    w->pending = g_array_new(FALSE, FALSE, sizeof(pending_date));
    w->keys = g_ptr_array_new_with_free_func(free_chunk);
    w->courses = g_hash_table_new(g_str_hash, g_str_equal);
    w->course_keys = g_ptr_array_new_with_free_func(g_free);
    w->course_names = g_ptr_array_new_with_free_func(g_free);
    w->stats = *found;
    memset(&w->sniff, 0, sizeof w->sniff);
    w->status = TNA_OK;
    w->err = (tna_error)TNA_ERROR_INIT;
}

static void worker_init(worker *w, file_ctx *f, const tna_source_stats *found)
{
    memset(w, 0, sizeof *w);
    w->file = f;
    w->run = f->run;
    worker_start(w, found);
    value_cache *caches[WORKER_CACHES];
    for (size_t i = 0, n = worker_caches(w, caches); i < n; i++)
        tna_value_cache_init(caches[i]);
    size_t nf = f->run->model->n_frameworks;
    w->level_cache = g_new0(value_cache, nf ? nf : 1);
    for (size_t i = 0; i < nf; i++)
        tna_value_cache_init(&w->level_cache[i]);
    w->level_found = g_new0(int64_t, f->source->n_skills + 1);
}

static void worker_clear(worker *w)
{
    worker_free_tables(w);
    value_cache *caches[WORKER_CACHES];
    for (size_t i = 0, n = worker_caches(w, caches); i < n; i++)
        tna_value_cache_clear(caches[i]);
    for (size_t i = 0; i < w->run->model->n_frameworks; i++)
        tna_value_cache_clear(&w->level_cache[i]);
    g_free(w->level_cache);
    g_free(w->level_found);
    memset(w, 0, sizeof *w);
}

/* Reads the worker's range, its first line numbered first_line. */
static void worker_read(worker *w, long first_line)
{
    tna_csv_range range = {w->start, w->end, first_line};
    w->status = tna_csv_read_range(w->file->path, &w->file->csv, &range, tna_rows_on_record, w,
                                   &w->stop, &w->err);
}

static gpointer worker_thread(gpointer data)
{
    worker_read(data, 1);
    return NULL;
}

/* ---- cutting a file into ranges ------------------------------------------------------------ */

/* Whether the line at buf[0..n) (up to its LF, which must be there) splits as one whole record
 * of at least `fields` fields. */
static bool starts_record(const char *buf, size_t n, char delimiter, size_t fields, char *scratch,
                          size_t *offs, size_t *lens)
{
    const char *lf = memchr(buf, '\n', n);
    if (lf == NULL)
        return false;
    size_t m = (size_t)(lf - buf);
    if (m > 0 && buf[m - 1] == '\r')
        m--;
    memcpy(scratch, buf, m);
    bool plain;
    size_t got =
        tna_csv_split_line(scratch, m, delimiter, offs, lens, fields, TNA_CSV_MAX_FIELD, &plain);
    return got != TNA_CSV_LINE_REFUSED && got >= fields;
}

/* A line start at or after `from` where a record very likely starts: after the first line
 * break at or after from, moved on to the start of the first line (within CUT_LOOK bytes)
 * that splits as a whole record with `fields` fields or more. 0 when there is no line break
 * after from (or none that ends before size). */
static off_t find_cut(int fd, off_t from, off_t size, char delimiter, size_t fields)
{
    char *buf = g_malloc(CUT_LOOK + TNA_CSV_LINE_PAD);
    char *scratch = g_malloc(CUT_LOOK + TNA_CSV_LINE_PAD);
    size_t *offs = g_new(size_t, fields + 1), *lens = g_new(size_t, fields + 1);
    off_t first = 0, found = 0;
    for (off_t at = from; first == 0 && at < size;) { /* the first line break (long lines) */
        ssize_t got = pread(fd, buf, CUT_LOOK, at);
        if (got <= 0)
            break;
        const char *lf = memchr(buf, '\n', (size_t)got);
        if (lf != NULL)
            first = at + (lf - buf) + 1;
        at += got;
    }
    ssize_t got = first > 0 && first < size ? pread(fd, buf, CUT_LOOK, first) : 0;
    for (size_t i = 0; got > 0 && found == 0 && i < (size_t)got;) {
        if (starts_record(buf + i, (size_t)got - i, delimiter, fields, scratch, offs, lens))
            found = first + (off_t)i;
        const char *lf = memchr(buf + i, '\n', (size_t)got - i);
        if (lf == NULL)
            break;
        i = (size_t)(lf - buf) + 1;
    }
    g_free(buf);
    g_free(scratch);
    g_free(offs);
    g_free(lens);
    if (found == 0)
        found = first;
    return found < size ? found : 0;
}

/* Cuts [data_start, size) into up to n ranges; returns how many (at least one). */
static int plan_ranges(worker *ws, int n, const file_ctx *f, off_t data_start, off_t size)
{
    int fd = n > 1 ? open(f->path, O_RDONLY | O_CLOEXEC) : -1;
    size_t fields = (size_t)(f->map.max_needed + 1);
    int made = 1;
    ws[0].start = 0;
    for (int i = 1; fd >= 0 && i < n; i++) {
        off_t aim = data_start + (off_t)((double)(size - data_start) * i / n);
        off_t cut = find_cut(fd, aim, size, f->csv.delimiter, fields);
        if (cut <= ws[made - 1].start || cut < data_start)
            continue;
        ws[made - 1].end = cut;
        ws[made].start = cut;
        ws[made].all_data = true;
        made++;
    }
    if (fd >= 0)
        close(fd);
    ws[made - 1].end = 0;
    return made;
}

/* ---- the join ----------------------------------------------------------------------------- */

/* Appends src's elements to *dst and frees src. The copy runs from src's end a slab at a time,
 * and src is shrunk after each slab, so the two never hold the data twice; an empty *dst
 * simply becomes src. */
static void append_consuming(GArray **dst, GArray *src)
{
    if ((*dst)->len == 0) {
        g_array_free(*dst, TRUE);
        *dst = src;
        return;
    }
    size_t size = g_array_get_element_size(src), n = src->len, base = (*dst)->len;
    g_array_set_size(*dst, (guint)(base + n));
    char *to = (*dst)->data + base * size;
    char *from = g_array_free(src, FALSE);
    size_t left = n * size;
    while (left > 0) {
        size_t k = MIN(left, SLAB);
        left -= k;
        memcpy(to + left, from + left, k);
        from = g_realloc(from, left ? left : 1); /* gives the copied tail back */
    }
    g_free(from);
}

/* A place in a worker's key stream. */
typedef struct key_cursor {
    GPtrArray *chunks;
    guint chunk;
    const guint8 *p, *end;
    bool give_back; /* free each chunk once past it */
} key_cursor;

static key_cursor key_cursor_at_start(GPtrArray *chunks, bool give_back)
{
    key_cursor c = {chunks, 0, NULL, NULL, give_back};
    if (chunks->len > 0) {
        GByteArray *first = g_ptr_array_index(chunks, 0);
        c.p = first->data, c.end = first->data + first->len;
    }
    return c;
}

/* The next entry: its hash, length (0: no key) and bytes; false at the end. */
static bool key_next(key_cursor *c, uint32_t *hash, uint32_t *len, const char **key)
{
    while (c->p == c->end) {
        if (c->chunk + 1 >= c->chunks->len)
            return false;
        if (c->give_back) {
            g_byte_array_free(g_ptr_array_index(c->chunks, c->chunk), TRUE);
            g_ptr_array_index(c->chunks, c->chunk) = NULL;
        }
        GByteArray *next = g_ptr_array_index(c->chunks, ++c->chunk);
        c->p = next->data, c->end = next->data + next->len;
    }
    const guint8 *p = c->p;
    memcpy(hash, p, 4);
    if (p[4] < 255) {
        *len = p[4];
        *key = (const char *)p + 5;
    } else {
        memcpy(len, p + 5, 4);
        *key = (const char *)p + 9;
    }
    c->p = (const guint8 *)*key + *len;
    return true;
}

/* Numbers the respondents of a worker's rows in the run's key set, in order, giving the
 * stream back as it goes; the slots of the next keys are fetched while one is numbered. */
static void number_respondents(run_ctx *run, GPtrArray *keys, uint32_t *respondent, size_t stride,
                               size_t n)
{
    tna_keyset *set = &run->respondents;
    key_cursor at = key_cursor_at_start(keys, true), ahead = key_cursor_at_start(keys, false);
    uint32_t hash, len;
    const char *key;
    for (int k = 0; k < PREFETCH_AHEAD && key_next(&ahead, &hash, &len, &key); k++)
        tna_keyset_prefetch(set, hash);
    for (size_t i = 0; i < n && key_next(&at, &hash, &len, &key); i++) {
        uint32_t h2, l2;
        const char *k2;
        if (key_next(&ahead, &h2, &l2, &k2))
            tna_keyset_prefetch(set, h2);
        *(uint32_t *)((char *)respondent + i * stride) =
            len == 0 ? tna_keyset_anonymous(set) : tna_keyset_add(set, key, len, hash);
    }
}

/* The run's number of each of a worker's courses, in order of first appearance. */
static uint32_t *number_courses(run_ctx *run, const worker *w)
{
    uint32_t *map = g_new(uint32_t, w->course_keys->len + 1);
    for (guint i = 0; i < w->course_keys->len; i++) {
        const char *key = g_ptr_array_index(w->course_keys, i);
        gpointer v = g_hash_table_lookup(run->courses, key);
        if (v == NULL) {
            g_ptr_array_add(
                run->course_list,
                g_string_chunk_insert_const(run->strings, g_ptr_array_index(w->course_names, i)));
            v = GSIZE_TO_POINTER((gsize)run->course_list->len);
            g_hash_table_insert(run->courses, g_strdup(key), v);
        }
        map[i] = (uint32_t)(GPOINTER_TO_SIZE(v) - 1);
    }
    return map;
}

/* What the joined workers of a file add up to, besides the period's tables. */
typedef struct file_join {
    tna_source_stats found; /* what every worker starts from: no counts */
    tna_source_stats *stats;
    GArray *pending; /* pending_date, indices and lines of the period and file */
    tna_date_sniff sniff;
} file_join;

static void add_stats(tna_source_stats *to, const tna_source_stats *from)
{
    to->rows_read += from->rows_read;
    to->accepted += from->accepted;
    to->rejected += from->rejected;
    to->excluded += from->excluded;
    to->unrecognised_answers += from->unrecognised_answers;
    to->bad_dates += from->bad_dates;
    to->invalid_text += from->invalid_text;
    to->answers_matched += from->answers_matched;
}

static void add_sniff(tna_date_sniff *to, const tna_date_sniff *from, long shift)
{
    if (from->first_bad_line && !to->first_bad_line)
        to->first_bad_line = from->first_bad_line + shift;
    if (from->first_ambiguous_line && !to->first_ambiguous_line)
        to->first_ambiguous_line = from->first_ambiguous_line + shift;
    to->values += from->values, to->iso_ok += from->iso_ok, to->dmy_ok += from->dmy_ok,
        to->mdy_ok += from->mdy_ok, to->any_ok += from->any_ok;
}

/* Adds worker w, whose lines are shift lines too low, to the period and the file. */
static void join_worker(worker *w, long shift, period_ctx *per, file_join *fj)
{
    run_ctx *run = w->run;
    size_t record_base = per->records->len, evaluation_base = per->evaluations->len;
    /* a file holds records or evaluations, never both: the keys are one or the other's */
    if (w->records->len > 0)
        number_respondents(run, w->keys, &g_array_index(w->records, tna_record, 0).respondent,
                           sizeof(tna_record), w->records->len);
    if (w->evaluations->len > 0)
        number_respondents(run, w->keys,
                           &g_array_index(w->evaluations, tna_evaluation, 0).respondent,
                           sizeof(tna_evaluation), w->evaluations->len);
    g_ptr_array_free(w->keys, TRUE);
    w->keys = NULL;
    uint32_t *course = number_courses(run, w);
    for (guint i = 0; i < w->evaluations->len; i++) {
        tna_evaluation *e = &g_array_index(w->evaluations, tna_evaluation, i);
        e->course = course[e->course];
    }
    g_free(course);
    for (guint i = 0; i < w->dq->len; i++) {
        const tna_dq_entry *e = &g_array_index(w->dq, tna_dq_entry, i);
        tna_dq_entry moved = {e->file,
                              e->line > 0 ? e->line + shift : 0,
                              e->column,
                              g_string_chunk_insert_const(run->strings, e->value),
                              e->reason,
                              e->bad,
                              g_string_chunk_insert_const(run->strings, e->detail),
                              e->note};
        g_array_append_val(per->dq, moved);
    }
    for (guint i = 0; i < w->pending->len; i++) {
        pending_date p = g_array_index(w->pending, pending_date, i);
        p.record += p.evaluation ? evaluation_base : record_base;
        p.line += shift;
        g_array_append_val(fj->pending, p); /* the text stays in the worker's strings */
    }
    add_sniff(&fj->sniff, &w->sniff, shift);
    /* the caches outlive a read done again, so their counts include it */
    value_cache *caches[WORKER_CACHES];
    for (size_t i = 0, n = worker_caches(w, caches); i < n; i++)
        w->stats.answers_matched += caches[i]->matched;
    for (size_t i = 0; i < run->model->n_frameworks; i++)
        w->stats.answers_matched += w->level_cache[i].matched;
    add_stats(fj->stats, &w->stats);
    append_consuming(&per->records, w->records);
    append_consuming(&per->levels, w->levels);
    append_consuming(&per->evaluations, w->evaluations);
    w->records = w->levels = w->evaluations = NULL;
    worker_free_rows(w);
}

/* Joins the n workers in file order, reading again any whose start proves wrong or whose
 * error is to be reported. */
static tna_status join_workers(worker *ws, int n, period_ctx *per, file_join *fj, tna_error *err)
{
    long lines = 0; /* line breaks before the worker being joined */
    size_t rows = 0;
    for (int i = 0; i < n; i++)
        rows += ws[i].records->len + ws[i].evaluations->len;
    tna_keyset_reserve(&ws[0].run->respondents, rows); /* grown once, not per worker */
    for (int i = 0; i < n; i++) {
        worker *w = &ws[i];
        long first_line = 1;
        if (i > 0 && (ws[i - 1].stop.offset != w->start || w->status != TNA_OK)) {
            worker_free_tables(w);
            worker_start(w, &fj->found);
            w->start = ws[i - 1].stop.offset;
            first_line = lines + 1;
            if (w->end > 0 && w->start >= w->end)
                w->stop = (tna_csv_stop){w->start, 0}; /* the previous one read it all */
            else
                worker_read(w, first_line);
        }
        if (w->status != TNA_OK) {
            *err = w->err;
            return w->status;
        }
        join_worker(w, lines - (first_line - 1), per, fj);
        lines += w->stop.lines;
    }
    return TNA_OK;
}

/* ---- one file ----------------------------------------------------------------------------- */

tna_status tna_ingest_read_file(run_ctx *run, period_ctx *per, uint32_t si, const char *path,
                                tna_source_stats *stats, tna_error *err)
{
    const tna_source *source = &run->model->sources[si];
    file_ctx f = {0};
    f.run = run;
    f.source = source;
    f.source_index = si;
    f.path = path;
    f.csv = (tna_csv_options){stats->delimiter, stats->encoding, 0, 0};
    f.header_record = source->header_row;
    f.last_header_record = source->header_row + source->skip_after_header;
    f.rows.rows = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    f.skill_framework = g_new(uint32_t, source->n_skills + 1);
    for (size_t k = 0; k < source->n_skills; k++) {
        const tna_model *m = run->model;
        f.skill_framework[k] = m->topics[m->skills[source->skills[k].skill].topic].framework;
    }
    g_atomic_int_set(&run->rows_read, 0);

    /* The header, by the first worker: map the columns and stop. */
    int most = TNA_THREADS_LIMIT;
    worker *ws = g_new0(worker, most);
    worker_init(&ws[0], &f, stats);
    tna_csv_range head = {0, 0, 1};
    tna_csv_stop header_end = {0, 0};
    tna_status st = tna_csv_read_range(path, &f.csv, &head, tna_rows_on_header, &ws[0], &header_end,
                                       &ws[0].err);
    if (st == TNA_OK)
        st = ws[0].status;
    if (st == TNA_OK && !f.mapped) /* no data rows: the header is still checked */
        st = tna_rows_map_header(&ws[0]);

    int n = 1;
    if (st == TNA_OK && header_end.offset > 0) {
        struct stat sb;
        off_t size = stat(path, &sb) == 0 ? sb.st_size : 0;
        const tna_ingest_options *o = run->options;
        n = tna_threads_for_file(size - header_end.offset, o ? o->threads : 0,
                                 o ? o->split_min_bytes : 0);
        for (int i = 1; i < n; i++)
            worker_init(&ws[i], &f, stats);
        int planned = plan_ranges(ws, n, &f, header_end.offset, size);
        for (int i = planned; i < n; i++)
            worker_clear(&ws[i]);
        n = planned;
    }
    if (st == TNA_OK) {
        GThread **threads = g_new0(GThread *, n);
        for (int i = 1; i < n; i++)
            threads[i] = g_thread_new("tna-read", worker_thread, &ws[i]);
        worker_read(&ws[0], 1);
        for (int i = 1; i < n; i++)
            g_thread_join(threads[i]);
        g_free(threads);
        file_join fj = {*stats, stats, g_array_new(FALSE, FALSE, sizeof(pending_date)), {0}};
        st = join_workers(ws, n, per, &fj, err);
        if (st == TNA_OK)
            st = tna_rows_settle_dates(&f, per, stats, fj.pending, &fj.sniff, err);
        g_array_free(fj.pending, TRUE);
    } else if (st != TNA_OK) {
        *err = ws[0].err;
    }
    for (int i = 0; i < n; i++)
        worker_clear(&ws[i]);
    g_free(ws);
    if (f.mapped)
        tna_column_map_clear(&f.map);
    g_ptr_array_unref(f.rows.rows);
    g_free(f.skill_framework);
    return st;
}

/*
 * inspect.c - one export, read for `tna init`: which tool wrote it, its header rows, what
 * each column holds, and then (fields.c, skillmatch.c, unmatched.c) what it all means.
 *
 * The file is read twice through csvread.h, which sniffs the encoding and the delimiter:
 * first its opening records, whose headings say the tool (presets.h: tna_preset_detect)
 * and so how many of them are headings; then every row below them, keeping each column's
 * distinct answers with their counts (bounded: TNA_INIT_MAX_DISTINCT per column, and in
 * all) and reading the dates of the columns headed like a submission time, for the date
 * order and the latest submission.
 *
 * Qualtrics' older export has two header rows, not three: its third row is then data, not
 * the {"ImportId": ...} row, and init says `skip_after_header: 1`.
 */
#include <string.h>

#include "init_internal.h"
#include "tna/dates.h"
#include "tna/presets.h"
#include "tna/text.h"

#define FIRST_RECORDS 3 /* the most header rows a tool writes */
#define DATE_COLUMNS  8

typedef struct reading {
    tna_init_scan *scan;
    GPtrArray *first; /* the opening records: GPtrArray of char * each */
    long skip;        /* header records to pass over in the second reading */
    int dates[DATE_COLUMNS + 1];
    tna_date_sniff sniff[DATE_COLUMNS];
    int64_t latest[DATE_COLUMNS][3]; /* iso, dmy, mdy */
} reading;

static int on_first(const tna_csv_record *r, void *ctx)
{
    reading *rd = ctx;
    GPtrArray *row = g_ptr_array_new_with_free_func(g_free);
    for (size_t i = 0; i < r->n; i++)
        g_ptr_array_add(row, g_strdup(r->invalid[i] ? "" : r->fields[i]));
    g_ptr_array_add(rd->first, row);
    return rd->first->len >= FIRST_RECORDS;
}

static void count_answer(tna_init_scan *scan, tna_init_column *col, const char *text, size_t len)
{
    col->non_blank++;
    if (len > TNA_INIT_MAX_ANSWER_BYTES) {
        col->overflow = true; /* a comment, not a choice */
        return;
    }
    char *t = g_strstrip(g_strndup(text, len));
    gpointer old = g_hash_table_lookup(col->counts, t);
    if (old != NULL) {
        g_hash_table_insert(col->counts, t, GSIZE_TO_POINTER(GPOINTER_TO_SIZE(old) + 1));
    } else if (g_hash_table_size(col->counts) < TNA_INIT_MAX_DISTINCT &&
               scan->distinct_all < TNA_INIT_MAX_DISTINCT_ALL) {
        g_hash_table_insert(col->counts, t, GSIZE_TO_POINTER(1));
        scan->distinct_all++;
    } else {
        col->overflow = true;
        g_free(t);
    }
}

static void note_date(reading *rd, int d, const tna_csv_record *r, size_t c)
{
    const char *s = r->fields[c];
    size_t len = r->lens[c];
    tna_date_sniff_add(&rd->sniff[d], s, len, r->line);
    static const tna_date_format formats[3] = {TNA_DATE_ISO, TNA_DATE_DMY, TNA_DATE_MDY};
    for (int f = 0; f < 3; f++) {
        int64_t t;
        if (tna_date_parse(s, len, formats[f], &t) && t > rd->latest[d][f])
            rd->latest[d][f] = t;
    }
}

static int on_row(const tna_csv_record *r, void *ctx)
{
    reading *rd = ctx;
    tna_init_scan *scan = rd->scan;
    if (r->index <= rd->skip)
        return 0;
    scan->exp->rows++;
    for (size_t c = 0; c < r->n && c < scan->ncol; c++) {
        if (tna_text_blank(r->fields[c], r->lens[c]))
            continue;
        if (r->invalid[c]) {
            scan->cols[c].non_blank++;
            continue;
        }
        count_answer(scan, &scan->cols[c], r->fields[c], r->lens[c]);
    }
    for (int d = 0; rd->dates[d] >= 0; d++)
        if ((size_t)rd->dates[d] < r->n && !r->invalid[rd->dates[d]])
            note_date(rd, d, r, (size_t)rd->dates[d]);
    return 0;
}

/* ---- the tool and its header rows ----------------------------------------------------------- */

static bool import_ids(const GPtrArray *row)
{
    for (guint c = 0; row && c < row->len; c++) {
        const char *cell = g_ptr_array_index(row, c);
        if (g_str_has_prefix(cell, "{\"ImportId\"") || g_str_has_prefix(cell, "{\"importId\""))
            return true;
    }
    return false;
}

static void recognise(tna_init_scan *scan, GPtrArray *first)
{
    GPtrArray *keys = g_ptr_array_new_with_free_func(g_free);
    for (guint r = 0; r < first->len; r++) {
        const GPtrArray *row = g_ptr_array_index(first, r);
        for (guint c = 0; c < row->len; c++)
            g_ptr_array_add(keys, tna_text_key(g_ptr_array_index(row, c), -1));
    }
    tna_init_export *exp = scan->exp;
    exp->tool = tna_preset_detect((const char *const *)keys->pdata, keys->len);
    g_ptr_array_unref(keys);
    scan->preset = tna_preset_get(exp->tool);
    exp->header_rows = scan->preset->header_rows;
    if (exp->tool == TNA_PRESET_QUALTRICS &&
        (first->len < 3 || !import_ids(g_ptr_array_index(first, 2)))) {
        exp->header_rows = 2;
        exp->legacy = true;
    }
    if ((guint)exp->header_rows > first->len)
        exp->header_rows = (int)first->len;
    scan->header = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    for (int r = 0; r < exp->header_rows; r++)
        g_ptr_array_add(scan->header, g_ptr_array_ref(g_ptr_array_index(first, (guint)r)));

    size_t n_rows = scan->header->len;
    const char *const **cells = g_new(const char *const *, n_rows ? n_rows : 1);
    size_t *lens = g_new(size_t, n_rows ? n_rows : 1);
    for (size_t r = 0; r < n_rows; r++) {
        const GPtrArray *row = g_ptr_array_index(scan->header, r);
        cells[r] = (const char *const *)row->pdata;
        lens[r] = row->len;
    }
    scan->names = tna_colnames_new(exp->tool, cells, lens, n_rows);
    g_free(cells);
    g_free(lens);
    scan->ncol = tna_colnames_count(scan->names);
    exp->n_columns = scan->ncol;
    scan->cols = g_new0(tna_init_column, scan->ncol ? scan->ncol : 1);
    for (size_t c = 0; c < scan->ncol; c++)
        scan->cols[c].counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    scan->taken = g_new0(bool, scan->ncol ? scan->ncol : 1);

    if (exp->tool == TNA_PRESET_LIMESURVEY) {
        size_t with_text = 0;
        for (size_t c = 0; c < scan->ncol; c++)
            with_text += strchr(tna_colnames_text(scan->names, c), ' ') != NULL;
        exp->codes_only = with_text * 5 < scan->ncol;
    }
}

/* ---- dates ---------------------------------------------------------------------------------- */

static void field_clear(tna_init_field *f)
{
    for (size_t i = 0; i < f->n_headings; i++)
        g_free(f->headings[i]);
    g_free(f->headings);
    g_free(f->cols);
}

static void leave_out_submitted(tna_init_scan *scan)
{
    tna_init_field *f = &scan->exp->fields[TNA_FIELD_SUBMITTED];
    scan->unreadable_date = g_strdup(f->headings[0]);
    for (size_t i = 0; i < f->n_cols; i++)
        scan->taken[f->cols[i]] = false;
    field_clear(f);
    memset(f, 0, sizeof *f);
}

static void settle_dates(tna_init_scan *scan, reading *rd)
{
    tna_init_export *exp = scan->exp;
    const tna_init_field *f = &exp->fields[TNA_FIELD_SUBMITTED];
    int d = -1;
    for (int i = 0; f->n_cols > 0 && rd->dates[i] >= 0; i++)
        if (rd->dates[i] == f->cols[0])
            d = i;
    if (d < 0)
        return;
    tna_date_format fmt = scan->preset->date_format;
    if (fmt == TNA_DATE_AUTO) {
        switch (tna_date_sniff_verdict(&rd->sniff[d])) {
        case TNA_DATE_VERDICT_ISO:
            fmt = TNA_DATE_ISO;
            break;
        case TNA_DATE_VERDICT_DMY:
            fmt = TNA_DATE_DMY;
            break;
        case TNA_DATE_VERDICT_MDY:
            fmt = TNA_DATE_MDY;
            break;
        case TNA_DATE_VERDICT_AMBIGUOUS:
            /* councils' forms go through UK spreadsheets: day first, to be checked */
            fmt = exp->date_format = TNA_DATE_DMY;
            exp->date_guessed = true;
            break;
        case TNA_DATE_VERDICT_NONE:
            /* tna run stops on a column in which no date reads at all: leave it out */
            if (rd->sniff[d].any_ok == 0 && rd->sniff[d].values > 0)
                leave_out_submitted(scan);
            return;
        }
    }
    int which = fmt == TNA_DATE_ISO ? 0 : fmt == TNA_DATE_DMY ? 1 : 2;
    exp->latest = rd->latest[d][which];
}

/* ---- barriers in one cell: which separator ----------------------------------------------------
 */

static void settle_separator(tna_init_scan *scan)
{
    tna_init_export *exp = scan->exp;
    const tna_init_field *f = &exp->fields[TNA_FIELD_BARRIERS];
    if (scan->preset->id != TNA_PRESET_NONE || f->n_cols != 1)
        return;
    static const char *const seps[] = {";", ",", "|", NULL};
    long best = tna_init_barrier_pieces(scan, (size_t)f->cols[0], ";");
    for (int i = 1; seps[i]; i++) {
        long n = tna_init_barrier_pieces(scan, (size_t)f->cols[0], seps[i]);
        if (n > best)
            best = n, exp->separator = seps[i];
    }
}

/* ---- rows that are not responses ---------------------------------------------------------- */

/* The preset names its exclusion column by a heading ("Status"); when a question is headed the
 * same, that name takes two columns and the run would stop: name the tool's own (the first)
 * by a heading of its own, or turn the exclusion off and say so. */
static void settle_exclusion(tna_init_scan *scan)
{
    const char *heading = scan->preset->exclude_column;
    char *key = heading ? tna_text_key(heading, -1) : NULL;
    size_t n = 0;
    int *cols = key ? tna_colnames_find(scan->names, key, &n) : NULL;
    if (n > 1) {
        scan->exp->exclude_heading = tna_init_name_for(scan, cols, 1, true);
        scan->exp->exclude_off = scan->exp->exclude_heading == NULL;
        if (scan->exp->exclude_off)
            tna_init_note(scan->exp,
                          g_strdup_printf("two columns are headed '%s', so the rows %s marks "
                                          "as not responses (previews, tests, spam) cannot be "
                                          "told: exclude_rows is off; delete those rows' "
                                          "responses in %s",
                                          heading, scan->preset->tool, scan->preset->tool));
    }
    g_free(cols);
    g_free(key);
}

/* ---- the whole ------------------------------------------------------------------------------ */

static void scan_free(tna_init_scan *scan)
{
    for (size_t c = 0; c < scan->ncol; c++)
        if (scan->cols[c].counts)
            g_hash_table_destroy(scan->cols[c].counts);
    g_free(scan->cols);
    g_free(scan->taken);
    g_free(scan->unreadable_date);
    tna_colnames_free(scan->names);
    if (scan->header)
        g_ptr_array_unref(scan->header);
}

/* What the user should know about the export, beyond the mapping itself. */
static void add_notes(tna_init_scan *scan)
{
    tna_init_export *exp = scan->exp;
    if (exp->codes_only)
        tna_init_note(exp, g_strdup("its headings are LimeSurvey question codes, which say nothing "
                                    "to map by: export the responses again with headings 'Question "
                                    "code & question text', or fill in columns: and skills: "
                                    "yourself"));
    if (exp->encoding_guessed)
        tna_init_note(exp, g_strdup("it is not UTF-8 and has no byte-order mark: it is read as "
                                    "Windows-1252 (saving it as CSV UTF-8 makes sure)"));
    if (exp->date_guessed)
        tna_init_note(exp,
                      g_strdup("every submission date reads both day-first and month-first: "
                               "date_format: dmy is a guess (UK spreadsheets write day first)"));
    if (scan->unreadable_date)
        tna_init_note(exp, g_strdup_printf("no date in '%s' could be read, so submitted: is left "
                                           "out (then the later row wins): give its date_format "
                                           "and map it, if it is the submission date",
                                           scan->unreadable_date));
    const tna_init_field *f = &exp->fields[TNA_FIELD_SUBMITTED];
    if (f->n_cols > 0 && exp->latest == INT64_MIN && scan->cols[f->cols[0]].non_blank > 0)
        tna_init_note(exp, g_strdup_printf("no date in '%s' could be read: give its date_format, "
                                           "or leave submitted: out (then the later row wins)",
                                           f->headings[0]));
}

/* read(ctx, fn, rd, err): one reading of the export, file or buffer. */
typedef tna_status (*read_fn)(const void *src, tna_csv_record_fn fn, void *ctx, tna_error *err);

typedef struct file_src {
    const char *path;
    tna_csv_options options; /* as sniffed */
} file_src;
typedef struct buffer_src {
    const char *name, *data;
    size_t size;
    tna_csv_options options;
} buffer_src;

static tna_status read_file(const void *src, tna_csv_record_fn fn, void *ctx, tna_error *err)
{
    const file_src *f = src;
    return tna_csv_read_file(f->path, &f->options, fn, ctx, err);
}

static tna_status read_buffer(const void *src, tna_csv_record_fn fn, void *ctx, tna_error *err)
{
    const buffer_src *b = src;
    return tna_csv_read_buffer(b->name, b->data, b->size, &b->options, fn, ctx, err);
}

static tna_status inspect(const tna_model *model, const char *name, read_fn read, const void *src,
                          bool guessed_encoding, tna_init_export **out, tna_error *err)
{
    *out = NULL;
    tna_init_export *exp = g_new0(tna_init_export, 1);
    exp->path = g_strdup(name);
    exp->latest = INT64_MIN;
    exp->encoding_guessed = guessed_encoding;
    tna_init_scan scan = {0};
    scan.model = model;
    scan.exp = exp;
    reading rd = {0};
    rd.scan = &scan;
    rd.first = g_ptr_array_new_with_free_func((GDestroyNotify)g_ptr_array_unref);
    tna_status st = read(src, on_first, &rd, err);
    if (st == TNA_OK && rd.first->len == 0)
        st = tna_error_set(err, TNA_ERR_INPUT, name, 0, 0,
                           "no header row: the file is empty (export the responses again)");
    if (st == TNA_OK) {
        recognise(&scan, rd.first);
        rd.skip = exp->header_rows;
        tna_init_date_candidates(&scan, rd.dates, DATE_COLUMNS + 1);
        for (int d = 0; d < DATE_COLUMNS; d++)
            for (int f = 0; f < 3; f++)
                rd.latest[d][f] = INT64_MIN;
        st = read(src, on_row, &rd, err);
    }
    if (st == TNA_OK) {
        tna_init_find_fields(&scan);
        tna_init_find_skills(&scan);
        settle_dates(&scan, &rd);
        settle_separator(&scan);
        settle_exclusion(&scan);
        tna_init_find_unmatched(&scan);
        add_notes(&scan);
        *out = exp;
    } else {
        tna_init_export_free(exp);
    }
    g_ptr_array_unref(rd.first);
    scan_free(&scan);
    return st;
}

tna_status tna_init_inspect_file(const tna_model *model, const char *path, tna_init_export **out,
                                 tna_error *err)
{
    tna_csv_options o = {0, TNA_ENCODING_AUTO, 0, 0};
    tna_csv_sniffed sniffed;
    tna_status st = tna_csv_sniff_file(path, &o, 1, &sniffed, err);
    if (st != TNA_OK) {
        *out = NULL;
        return st;
    }
    file_src src = {path, {sniffed.delimiter, sniffed.encoding, 0, 0}};
    return inspect(model, path, read_file, &src, sniffed.guessed, out, err);
}

tna_status tna_init_inspect_buffer(const tna_model *model, const char *name, const char *data,
                                   size_t size, tna_init_export **out, tna_error *err)
{
    tna_csv_options o = {0, TNA_ENCODING_AUTO, 0, 0};
    tna_csv_sniffed sniffed;
    tna_status st = tna_csv_sniff_buffer(name, data, size, &o, 1, &sniffed, err);
    if (st != TNA_OK) {
        *out = NULL;
        return st;
    }
    buffer_src src = {name, data, size, {sniffed.delimiter, sniffed.encoding, 0, 0}};
    return inspect(model, name, read_buffer, &src, sniffed.guessed, out, err);
}

void tna_init_answers_free(tna_init_answer *answers, size_t n)
{
    for (size_t i = 0; i < n; i++)
        tna_init_answer_clear(&answers[i]);
    g_free(answers);
}

void tna_init_export_free(tna_init_export *exp)
{
    if (exp == NULL)
        return;
    for (int f = 0; f < TNA_FIELD_COUNT; f++)
        field_clear(&exp->fields[f]);
    for (size_t i = 0; i < exp->n_skills; i++)
        g_free(exp->skills[i].heading);
    g_free(exp->skills);
    tna_init_answers_free(exp->answers, exp->n_answers);
    g_free(exp->exclude_heading);
    for (size_t i = 0; i < exp->n_notes; i++)
        g_free(exp->notes[i]);
    g_free(exp->notes);
    g_free(exp->path);
    g_free(exp);
}

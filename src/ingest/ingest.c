/*
 * ingest.c - read every source of every period; see include/tna/ingest.h.
 *
 * The driver: for each period and source it resolves the file, reads it whole (rows.c does
 * the rows) or, when it is large, in two halves on two cores (split.c), and hands the
 * dataset over once every table that could identify a person has been dropped.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "ingest_internal.h"
#include "tna/config.h"
#include "tna/dates.h"
#include "tna/text.h"

/* ---- workers and periods ----------------------------------------------------------------- */

void worker_init(worker *w, run_ctx *run, bool local)
{
    memset(w, 0, sizeof *w);
    w->run = run;
    if (local) {
        w->strings = g_string_chunk_new(16 * 1024);
        w->respondents = g_hash_table_new(g_str_hash, g_str_equal);
        w->keys = w->strings;
        w->local_keys = g_ptr_array_new();
        w->next_id = &w->local_next;
        w->barriers = g_hash_table_new(g_str_hash, g_str_equal); /* keys in strings */
        w->barrier_list = g_ptr_array_new();
    } else {
        w->strings = run->strings;
        w->respondents = run->respondents;
        w->keys = run->respondent_keys;
        w->next_id = &run->ds->n_respondents;
        w->barriers = run->barriers;
        w->barrier_list = run->barrier_list;
    }
    value_cache_init(&w->authority_cache);
    value_cache_init(&w->role_cache);
    value_cache_init(&w->yesno_cache);
    value_cache_init(&w->medium_cache);
    value_cache_init(&w->barrier_cache);
    size_t nf = run->model->n_frameworks;
    w->level_cache = g_new0(value_cache, nf ? nf : 1);
    for (size_t i = 0; i < nf; i++)
        value_cache_init(&w->level_cache[i]);
}

void worker_clear(worker *w)
{
    if (w->local_keys) {
        g_ptr_array_free(w->local_keys, TRUE);
        g_hash_table_destroy(w->respondents);
        g_hash_table_destroy(w->barriers);
        g_ptr_array_free(w->barrier_list, TRUE);
        g_string_chunk_free(w->strings);
    }
    value_cache_clear(&w->authority_cache);
    value_cache_clear(&w->role_cache);
    value_cache_clear(&w->yesno_cache);
    value_cache_clear(&w->medium_cache);
    value_cache_clear(&w->barrier_cache);
    for (size_t i = 0; i < w->run->model->n_frameworks; i++)
        value_cache_clear(&w->level_cache[i]);
    g_free(w->level_cache);
    memset(w, 0, sizeof *w);
}

period_ctx period_ctx_new(void)
{
    period_ctx per = {g_array_new(FALSE, FALSE, sizeof(tna_record)), g_array_new(FALSE, FALSE, 1),
                      g_array_new(FALSE, FALSE, sizeof(tna_evaluation)),
                      g_array_new(FALSE, FALSE, sizeof(tna_dq_entry)), 0};
    return per;
}

void period_ctx_free(period_ctx *per)
{
    g_array_free(per->records, TRUE);
    g_array_free(per->levels, TRUE);
    g_array_free(per->evaluations, TRUE);
    g_array_free(per->dq, TRUE);
}

/* ---- one file ----------------------------------------------------------------------------- */

/* Reads the whole file on this thread. */
static tna_status read_whole(file_ctx *f)
{
    tna_csv_options opt = rows_csv_options(f->source);
    tna_status st = tna_csv_read_file(f->path, &opt, rows_on_record, f, f->err);
    if (st == TNA_OK)
        st = f->status;
    if (st == TNA_OK && !f->mapped && f->rows.header == NULL)
        st = tna_error_set(f->err, TNA_ERR_INPUT, f->path, 0, 0,
                           "no header row: the file has fewer than %d records",
                           f->source->header_row);
    /* A header and no data rows: the columns are still checked, so a wrong heading is
     * reported now rather than the quarter the first response arrives. */
    if (st == TNA_OK && !f->mapped)
        st = headings_map(f->run->model, f->source, &f->rows, f->path, f->header_line, &f->map,
                          rows_dq_callback, f, f->err);
    if (st == TNA_OK && !f->mapped)
        f->mapped = true;
    if (st == TNA_OK)
        st = rows_settle_dates(f);
    return st;
}

static tna_status read_file(run_ctx *run, worker *w, period_ctx *per, uint32_t si,
                            const char *period, tna_source_stats *stats, tna_error *err)
{
    const tna_source *source = &run->model->sources[si];
    char *resolved = tna_model_source_path(run->model, source, period);
    const char *path = g_string_chunk_insert_const(run->strings, resolved);
    g_free(resolved);
    stats->source = si;
    stats->path = path;
    stats->date_format = source->date_format;
    struct stat sb;
    if (stat(path, &sb) != 0 && errno == ENOENT) {
        stats->present = false;
        return TNA_OK;
    }
    stats->present = true;

    file_ctx f;
    file_ctx_init(&f, run, w, per, si, path, stats, err);
    bool done = false;
    tna_status st = split_read(&f, sb.st_size, &done);
    if (st == TNA_OK && !done)
        st = read_whole(&f);
    if (st == TNA_OK && stats->rows_read != stats->accepted + stats->rejected)
        st = tna_error_set(err, TNA_ERR_INPUT, path, 0, 0,
                           "internal error: %ld rows read but %ld accepted and %ld rejected",
                           stats->rows_read, stats->accepted, stats->rejected);
    file_ctx_clear(&f);
    return st;
}

/* ---- the run ------------------------------------------------------------------------------ */

static void add_name(GHashTable *t, const char *text, uint32_t index)
{
    if (text == NULL)
        return;
    char *key = tna_text_key(text, -1);
    if (key == NULL)
        return;
    if (g_hash_table_contains(t, key))
        g_free(key);
    else
        g_hash_table_insert(t, key, GSIZE_TO_POINTER((gsize)index + 1));
}

static void build_name_tables(run_ctx *run)
{
    const tna_model *m = run->model;
    run->skill_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    run->topic_names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    for (uint32_t s = 0; s < m->n_skills; s++) {
        add_name(run->skill_names, m->skills[s].id, s);
        add_name(run->skill_names, m->skills[s].name, s);
        add_name(run->skill_names, m->skills[s].name_cy, s);
    }
    for (size_t i = 0; i < m->n_sources; i++)
        for (size_t k = 0; k < m->sources[i].n_skills; k++)
            add_name(run->skill_names, m->sources[i].skills[k].heading,
                     m->sources[i].skills[k].skill);
    for (uint32_t t = 0; t < m->n_topics; t++) {
        add_name(run->topic_names, m->topics[t].id, t);
        add_name(run->topic_names, m->topics[t].name, t);
        add_name(run->topic_names, m->topics[t].name_cy, t);
    }
}

static void finish_period(tna_period_data *pd, period_ctx *per)
{
    pd->n_records = per->records->len;
    pd->records = (tna_record *)g_array_free(per->records, FALSE);
    pd->levels = (uint8_t *)g_array_free(per->levels, FALSE);
    pd->n_evaluations = per->evaluations->len;
    pd->evaluations = (tna_evaluation *)g_array_free(per->evaluations, FALSE);
    pd->n_dq = per->dq->len;
    pd->dq = (tna_dq_entry *)g_array_free(per->dq, FALSE);
}

tna_status tna_ingest(const tna_model *model, const tna_ingest_options *options,
                      tna_dataset **out, tna_error *err)
{
    *out = NULL;
    tna_dataset *ds = g_new0(tna_dataset, 1);
    run_ctx run = {0};
    run.model = model;
    run.ds = ds;
    run.options = options;
    run.strings = g_string_chunk_new(64 * 1024);
    ds->model = model;
    ds->strings = run.strings;
    run.respondents = g_hash_table_new(g_str_hash, g_str_equal);
    run.respondent_keys = g_string_chunk_new(256 * 1024);
    run.barriers = g_hash_table_new(g_str_hash, g_str_equal);
    run.courses = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    run.barrier_list = g_ptr_array_new();
    run.course_list = g_ptr_array_new();
    build_name_tables(&run);
    worker main_worker;
    worker_init(&main_worker, &run, false);

    size_t n_periods = model->n_periods;
    if (options && options->through_period) {
        for (n_periods = 0; n_periods < model->n_periods; n_periods++)
            if (strcmp(model->periods[n_periods], options->through_period) == 0)
                break;
        if (n_periods == model->n_periods) {
            tna_error_set(err, TNA_ERR_USAGE, NULL, 0, 0, "period '%s' is not in the configuration",
                          options->through_period);
            n_periods = 0;
        } else {
            n_periods++;
        }
    }
    ds->periods = g_new0(tna_period_data, n_periods ? n_periods : 1);
    ds->n_periods = n_periods;
    tna_status st = err && err->code ? err->code : TNA_OK;
    for (size_t p = 0; p < n_periods && st == TNA_OK; p++) {
        tna_period_data *pd = &ds->periods[p];
        pd->period = model->periods[p];
        pd->stats = g_new0(tna_source_stats, model->n_sources ? model->n_sources : 1);
        period_ctx per = period_ctx_new();
        for (uint32_t s = 0; s < model->n_sources && st == TNA_OK; s++)
            st = read_file(&run, &main_worker, &per, s, pd->period, &pd->stats[s], err);
        finish_period(pd, &per);
    }

    worker_clear(&main_worker);
    ds->n_barriers = run.barrier_list->len;
    ds->barriers = (const char **)g_ptr_array_free(run.barrier_list, FALSE);
    ds->n_courses = run.course_list->len;
    ds->courses = (const char **)g_ptr_array_free(run.course_list, FALSE);
    g_hash_table_destroy(run.respondents); /* staff numbers go no further than this */
    g_string_chunk_free(run.respondent_keys);
    g_hash_table_destroy(run.barriers);
    g_hash_table_destroy(run.courses);
    g_hash_table_destroy(run.skill_names);
    g_hash_table_destroy(run.topic_names);
    if (st != TNA_OK) {
        tna_dataset_free(ds);
        return st;
    }
    *out = ds;
    return TNA_OK;
}

void tna_dataset_free(tna_dataset *ds)
{
    if (ds == NULL)
        return;
    for (size_t p = 0; p < ds->n_periods; p++) {
        g_free(ds->periods[p].records);
        g_free(ds->periods[p].levels);
        g_free(ds->periods[p].evaluations);
        g_free(ds->periods[p].stats);
        g_free(ds->periods[p].dq);
    }
    g_free(ds->periods);
    g_free(ds->barriers);
    g_free(ds->courses);
    if (ds->strings)
        g_string_chunk_free(ds->strings);
    g_free(ds);
}

/*
 * ingest.c - read every source of every period; see include/tna/ingest.h.
 *
 * The driver: for each period and source it resolves the file (a missing one is an error
 * unless the source is optional), works out its encoding and delimiter (csvsniff.c), has it
 * read (ingest_read.c: by one worker or several, joined in file order), checks that every
 * row read was accepted, rejected or excluded, notes that count in the data-quality log, and
 * hands the dataset over once every table that could identify a person has been dropped.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "reader.h"
#include "tna/config.h"
#include "tna/dates.h"
#include "tna/text.h"

/* ---- periods ------------------------------------------------------------------------------ */

static period_ctx period_ctx_new(void)
{
    period_ctx per = {g_array_new(FALSE, FALSE, sizeof(tna_record)), g_array_new(FALSE, FALSE, 1),
                      g_array_new(FALSE, FALSE, sizeof(tna_evaluation)),
                      g_array_new(FALSE, FALSE, sizeof(tna_dq_entry))};
    return per;
}

/* ---- one file ----------------------------------------------------------------------------- */

/* The file of a source in a period: present, absent (optional sources only) or an error. */
static tna_status find_file(const tna_source *source, const char *path, bool *present,
                            tna_error *err)
{
    struct stat sb;
    *present = stat(path, &sb) == 0;
    if (*present || errno != ENOENT)
        return TNA_OK; /* what is there is checked when it is opened (tna_csv_open) */
    if (source->optional)
        return TNA_OK;
    return tna_error_set(err, TNA_ERR_INPUT, path, 0, 0,
                         "no such file for source '%s': check its path, or add 'optional: "
                         "true' to the source if some periods have no such export",
                         source->name);
}

static tna_status read_file(run_ctx *run, period_ctx *per, uint32_t si, const char *period,
                            tna_source_stats *stats, tna_error *err)
{
    const tna_source *source = &run->model->sources[si];
    char *resolved = tna_model_source_path(run->model, source, period);
    const char *path = g_string_chunk_insert_const(run->strings, resolved);
    g_free(resolved);
    stats->source = si;
    stats->path = path;
    stats->date_format = source->date_format;
    tna_status st = find_file(source, path, &stats->present, err);
    if (st != TNA_OK || !stats->present) {
        if (st == TNA_OK)
            tna_dq_period(run, per, path, 0, 0, "",
                          (tna_dq_why){TNA_DQ_NO_FILE, TNA_DQ_TEXT_NA, NULL}, true);
        return st;
    }
    tna_csv_options asked = {source->delimiter, source->encoding, 0, 0};
    tna_csv_sniffed sn;
    st = tna_csv_sniff_file(path, &asked, source->header_row, &sn, err);
    if (st != TNA_OK)
        return st;
    stats->encoding = sn.encoding;
    stats->delimiter = sn.delimiter;
    stats->encoding_guessed = sn.guessed;

    if (sn.guessed)
        tna_dq_period(run, per, path, sn.guessed_line, 0, "",
                      (tna_dq_why){TNA_DQ_ENCODING_GUESSED, TNA_DQ_TEXT_NA, NULL}, true);
    st = tna_ingest_read_file(run, per, si, path, stats, err);
    if (st == TNA_OK && stats->rows_read != stats->accepted + stats->rejected + stats->excluded)
        st = tna_error_set(err, TNA_ERR_INPUT, path, 0, 0,
                           "internal error: %ld rows read but %ld accepted, %ld rejected and "
                           "%ld excluded",
                           stats->rows_read, stats->accepted, stats->rejected, stats->excluded);
    if (st == TNA_OK) {
        char *count = g_strdup_printf("%ld" TNA_DQ_DETAIL_SEP "%ld" TNA_DQ_DETAIL_SEP
                                      "%ld" TNA_DQ_DETAIL_SEP "%ld",
                                      stats->rows_read, stats->accepted, stats->rejected,
                                      stats->excluded);
        tna_dq_period(run, per, path, 0, 0, "",
                      (tna_dq_why){TNA_DQ_ROWS_COUNTED, TNA_DQ_TEXT_NA, count}, true);
        g_free(count);
    }
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

static void finish_period(tna_period_data *pd, period_ctx *per, size_t n_skills)
{
    pd->n_skills = n_skills;
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
    tna_keyset_init(&run.respondents);
    g_mutex_init(&run.progress_lock);
    run.courses = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    run.course_list = g_ptr_array_new();
    build_name_tables(&run);

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
            st = read_file(&run, &per, s, pd->period, &pd->stats[s], err);
        finish_period(pd, &per, model->n_skills);
    }

    ds->n_respondents = (uint32_t)run.respondents.n;
    ds->n_courses = run.course_list->len;
    ds->courses = (const char **)g_ptr_array_free(run.course_list, FALSE);
    tna_keyset_clear(&run.respondents); /* staff numbers go no further than this */
    g_mutex_clear(&run.progress_lock);
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
    g_free(ds->courses);
    if (ds->strings)
        g_string_chunk_free(ds->strings);
    g_free(ds);
}

void tna_dataset_release_rows(tna_dataset *ds)
{
    for (size_t p = 0; ds != NULL && p < ds->n_periods; p++) {
        tna_period_data *pd = &ds->periods[p];
        g_free(pd->records);
        g_free(pd->levels);
        g_free(pd->evaluations);
        pd->records = NULL;
        pd->levels = NULL;
        pd->evaluations = NULL;
        pd->n_records = pd->n_evaluations = 0;
    }
}

long tna_dataset_problems(const tna_dataset *ds)
{
    long n = 0;
    for (size_t p = 0; ds != NULL && p < ds->n_periods; p++)
        for (size_t i = 0; i < ds->periods[p].n_dq; i++)
            n += !ds->periods[p].dq[i].note;
    return n;
}

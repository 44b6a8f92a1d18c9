/*
 * sample.c - `tna sample`: write a realistic synthetic dataset and the configuration for it.
 *
 * Why: so anyone can try tna without real staff data, and so tests and demos have inputs
 * that look like what councils export (see sample.h for the shape). The steps:
 *
 *   1. create DIR and write the reference files compiled into the binary (frameworks,
 *      roles, authorities) under it;
 *   2. write DIR/tna.yaml in two passes: a bootstrap version without the staff survey
 *      (whose column map needs the skill names) is loaded with tna_config_load() to get the
 *      model, then the full file is written from that model and loaded again, so what we
 *      generate data for is exactly what `tna run` will read;
 *   3. build a workforce from the model and, per period, write the staff survey and the
 *      manager ratings, plus the course evaluations in the current period.
 *
 * Reports of the sample land in ../reports/{period} relative to tna.yaml (output.dir), so
 * `tna sample inputs` followed by `tna run inputs/tna.yaml` fills reports/ at the top of
 * the repository.
 *
 * Errors: a directory or file that cannot be created or written is TNA_ERR_OUTPUT with its
 * path; a configuration that does not load (it always should) is reported as the loader
 * found it. Files already written are left in place.
 */
#include <errno.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "population.h"
#include "tna/config.h"
#include "tna/sample.h"

/* ---- the dataset ----------------------------------------------------------------------------- */

static tna_status write_reference_files(const char *dir, tna_error *err)
{
    for (const tna_embedded_file *e = tna_reference_files; e->path != NULL; e++) {
        sample_file out;
        tna_status st = tna_sample_file_open(&out, dir, e->path, err);
        if (st == TNA_OK)
            fwrite(e->data, 1, e->size, out.f);
        if (tna_sample_file_close(&out, err) != TNA_OK || st != TNA_OK)
            return err->code;
    }
    return TNA_OK;
}

/* Writes tna.yaml (bootstrap, then full) and returns the model loaded from the full one. */
static tna_status write_config(const char *dir, size_t staff, tna_model **model, tna_error *err)
{
    char *path = g_build_filename(dir, "tna.yaml", NULL);
    tna_model *boot = NULL;
    tna_status st = tna_sample_config_write(dir, staff, NULL, err);
    if (st == TNA_OK)
        st = tna_config_load(path, &boot, err);
    if (st == TNA_OK)
        st = tna_sample_config_write(dir, staff, boot, err);
    if (st == TNA_OK)
        st = tna_config_load(path, model, err);
    tna_model_free(boot);
    g_free(path);
    return st;
}

static tna_status write_period(sample_population *pop, const char *dir, size_t period,
                               tna_error *err)
{
    const tna_model *m = pop->model;
    char *pdir = g_build_filename(dir, m->periods[period], NULL);
    tna_sample_population_enter_period(pop, period);
    tna_status st = tna_sample_survey_write(pop, pdir, period, err);
    if (st == TNA_OK)
        st = tna_sample_ratings_write(pop, pdir, period, err);
    if (st == TNA_OK && period + 1 == m->n_periods)
        st = tna_sample_evaluations_write(pop, pdir, period, err);
    g_free(pdir);
    return st;
}

tna_status tna_sample_write(const char *dir, int staff, unsigned seed, tna_error *err)
{
    tna_error local = TNA_ERROR_INIT;
    if (err == NULL)
        err = &local;
    if (dir == NULL || dir[0] == '\0')
        return tna_error_set(err, TNA_ERR_USAGE, NULL, 0, 0, "no directory given");
    if (staff < 1 || staff > SAMPLE_MAX_STAFF)
        return tna_error_set(err, TNA_ERR_USAGE, NULL, 0, 0,
                             "--staff must be between 1 and %d, not %d", SAMPLE_MAX_STAFF, staff);
    if (g_mkdir_with_parents(dir, 0777) != 0)
        return tna_error_set(err, TNA_ERR_OUTPUT, dir, 0, 0, "cannot create directory: %s",
                             g_strerror(errno));

    tna_model *model = NULL;
    tna_status st = write_reference_files(dir, err);
    if (st == TNA_OK)
        st = write_config(dir, (size_t)staff, &model, err);
    if (st == TNA_OK && model->n_skills == 0)
        st = tna_error_set(err, TNA_ERR_CONFIG, model->config_path, 0, 0,
                           "the shipped frameworks define no skills");
    if (st == TNA_OK) {
        sample_population *pop = tna_sample_population_new(model, (size_t)staff, seed);
        for (size_t p = 0; st == TNA_OK && p < model->n_periods; p++)
            st = write_period(pop, dir, p, err);
        tna_sample_population_free(pop);
    }
    tna_model_free(model);
    return st;
}

/*
 * sample_file.c - the sample's output files: opened with their directories, closed with
 * every write error reported (population.h). A toolbox of sample.c and of the writers
 * it calls (sample_survey.c, sample_ratings.c), so none of them calls back into sample.c.
 */
#include <errno.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "population.h"

tna_status tna_sample_file_open(sample_file *out, const char *dir, const char *name, tna_error *err)
{
    memset(out, 0, sizeof *out);
    out->path = g_build_filename(dir, name, NULL);
    char *parent = g_path_get_dirname(out->path);
    int rc = g_mkdir_with_parents(parent, 0777);
    int errnum = errno;
    g_free(parent);
    if (rc != 0)
        return tna_error_set(err, TNA_ERR_OUTPUT, out->path, 0, 0,
                             "cannot create its directory: %s", g_strerror(errnum));
    out->f = g_fopen(out->path, "wb");
    if (out->f == NULL)
        return tna_error_set(err, TNA_ERR_OUTPUT, out->path, 0, 0, "cannot write: %s",
                             g_strerror(errno));
    out->csv = tna_csv_start(out->f, 0);
    return TNA_OK;
}

tna_status tna_sample_file_close(sample_file *out, tna_error *err)
{
    tna_status st = TNA_OK;
    if (out->f != NULL) {
        bool failed = ferror(out->f) != 0;
        int errnum = errno;
        if (fclose(out->f) != 0 && !failed) {
            failed = true;
            errnum = errno;
        }
        if (failed)
            st = tna_error_set(err, TNA_ERR_OUTPUT, out->path, 0, 0, "cannot write: %s",
                               g_strerror(errnum));
    }
    g_free(out->path);
    memset(out, 0, sizeof *out);
    return st;
}

/*
 * paths.c - a path as another file writes it (include/tna/paths.h).
 */
#include <glib.h>
#include <string.h>

#include "tna/paths.h"

/* path relative to the directory dir (both made absolute); the absolute path when they share
 * nothing but the root. Caller frees. */
char *tna_path_relative(const char *dir, const char *path)
{
    char *a = g_canonicalize_filename(dir, NULL), *b = g_canonicalize_filename(path, NULL);
    char **da = g_strsplit(a, "/", -1), **db = g_strsplit(b, "/", -1);
    size_t common = 0;
    while (da[common] && db[common] && strcmp(da[common], db[common]) == 0)
        common++;
    char *rel;
    if (common <= 1) {
        rel = g_strdup(b);
    } else {
        GString *r = g_string_new(NULL);
        for (size_t i = common; da[i]; i++)
            if (da[i][0] != '\0')
                g_string_append(r, "../");
        for (size_t i = common; db[i]; i++) {
            g_string_append(r, db[i]);
            if (db[i + 1])
                g_string_append_c(r, '/');
        }
        rel = g_string_free(r, FALSE);
    }
    g_strfreev(da);
    g_strfreev(db);
    g_free(a);
    g_free(b);
    return rel;
}

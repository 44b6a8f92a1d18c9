/*
 * tmptree.h - removing a test's temporary directory tree, header only (GLib).
 *
 * remove_tree(path) deletes path and everything below it; a symbolic link is removed, never
 * followed. For tests that write files under a g_dir_make_tmp directory.
 */
#ifndef TNA_TMPTREE_H
#define TNA_TMPTREE_H

#include <glib.h>
#include <glib/gstdio.h>

static void remove_tree(const char *path)
{
    GDir *d = g_file_test(path, G_FILE_TEST_IS_SYMLINK) ? NULL : g_dir_open(path, 0, NULL);
    if (d != NULL) {
        const char *name;
        while ((name = g_dir_read_name(d)) != NULL) {
            char *child = g_build_filename(path, name, NULL);
            remove_tree(child);
            g_free(child);
        }
        g_dir_close(d);
    }
    g_remove(path);
}

#endif

/* outputs.c - atomic report files; see include/tna/outputs.h. */
#include "tna/outputs.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <pthread.h>
#include <stdbool.h>
#include <string.h>
#include <unistd.h>

typedef struct out_file {
    char *name, *tmp, *final;
    FILE *fp; /* NULL for files opened by a library */
    bool failed;
} out_file;

struct tna_outputs {
    pthread_mutex_t lock; /* renderers open files from two threads (pthread: helgrind sees it) */
    char *dir;
    GPtrArray *files; /* out_file* */
    bool committed;
};

tna_outputs *tna_outputs_new(const char *dir)
{
    tna_outputs *o = g_new0(tna_outputs, 1);
    pthread_mutex_init(&o->lock, NULL);
    o->dir = g_strdup(dir);
    o->files = g_ptr_array_new();
    return o;
}

static tna_status make_temp_locked(tna_outputs *o, const char *name, out_file **made,
                                   tna_error *err)
{
    if (g_mkdir_with_parents(o->dir, 0777) != 0)
        return tna_error_set(err, TNA_ERR_OUTPUT, o->dir, 0, 0, "cannot create directory: %s",
                             g_strerror(errno));
    out_file *f = g_new0(out_file, 1);
    f->name = g_strdup(name);
    f->final = g_build_filename(o->dir, name, NULL);
    f->tmp = g_strdup_printf("%s/.%s.XXXXXX", o->dir, name);
    int fd = g_mkstemp(f->tmp);
    if (fd < 0) {
        tna_status st = tna_error_set(err, TNA_ERR_OUTPUT, f->final, 0, 0, "cannot write: %s",
                                      g_strerror(errno));
        g_free(f->name), g_free(f->final), g_free(f->tmp), g_free(f);
        return st;
    }
    fchmod(fd, 0644);
    close(fd);
    g_ptr_array_add(o->files, f);
    *made = f;
    return TNA_OK;
}

static tna_status make_temp(tna_outputs *o, const char *name, out_file **made, tna_error *err)
{
    pthread_mutex_lock(&o->lock);
    tna_status st = make_temp_locked(o, name, made, err);
    pthread_mutex_unlock(&o->lock);
    return st;
}

tna_status tna_outputs_open(tna_outputs *o, const char *name, FILE **fp, tna_error *err)
{
    out_file *f;
    tna_status st = make_temp(o, name, &f, err);
    if (st != TNA_OK)
        return st;
    f->fp = fopen(f->tmp, "wb");
    if (f->fp == NULL) {
        f->failed = true;
        return tna_error_set(err, TNA_ERR_OUTPUT, f->final, 0, 0, "cannot write: %s",
                             g_strerror(errno));
    }
    *fp = f->fp;
    return TNA_OK;
}

tna_status tna_outputs_path(tna_outputs *o, const char *name, const char **tmp_path,
                            tna_error *err)
{
    out_file *f;
    tna_status st = make_temp(o, name, &f, err);
    if (st == TNA_OK)
        *tmp_path = f->tmp;
    return st;
}

void tna_outputs_fail(tna_outputs *o, const char *name)
{
    pthread_mutex_lock(&o->lock);
    for (guint i = 0; i < o->files->len; i++) {
        out_file *f = g_ptr_array_index(o->files, i);
        if (strcmp(f->name, name) == 0)
            f->failed = true;
    }
    pthread_mutex_unlock(&o->lock);
}

static bool sync_path(const char *path)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return false;
    bool ok = fsync(fd) == 0 || errno == EINVAL;
    close(fd);
    return ok;
}

tna_status tna_outputs_commit(tna_outputs *o, tna_error *err)
{
    for (guint i = 0; i < o->files->len; i++) {
        out_file *f = g_ptr_array_index(o->files, i);
        if (f->fp) {
            bool bad = ferror(f->fp) || fflush(f->fp) != 0 || fsync(fileno(f->fp)) != 0;
            int e = errno;
            bad |= fclose(f->fp) != 0;
            f->fp = NULL;
            if (bad)
                return tna_error_set(err, TNA_ERR_OUTPUT, f->final, 0, 0, "write failed: %s",
                                     g_strerror(e ? e : EIO));
        } else if (!f->failed && !sync_path(f->tmp)) {
            return tna_error_set(err, TNA_ERR_OUTPUT, f->final, 0, 0, "write failed: %s",
                                 g_strerror(errno));
        }
        if (f->failed)
            return tna_error_set(err, TNA_ERR_OUTPUT, f->final, 0, 0, "write failed");
    }
    for (guint i = 0; i < o->files->len; i++) {
        out_file *f = g_ptr_array_index(o->files, i);
        if (g_rename(f->tmp, f->final) != 0)
            return tna_error_set(err, TNA_ERR_OUTPUT, f->final, 0, 0, "cannot rename into place: %s",
                                 g_strerror(errno));
        g_free(f->tmp);
        f->tmp = NULL;
    }
    sync_path(o->dir);
    o->committed = true;
    return TNA_OK;
}

char *tna_outputs_final_path(const tna_outputs *o, const char *name)
{
    return g_build_filename(o->dir, name, NULL);
}

size_t tna_outputs_count(const tna_outputs *o)
{
    return o->files->len;
}

const char *tna_outputs_name(const tna_outputs *o, size_t i)
{
    return ((out_file *)g_ptr_array_index(o->files, i))->name;
}

void tna_outputs_free(tna_outputs *o)
{
    if (o == NULL)
        return;
    for (guint i = 0; i < o->files->len; i++) {
        out_file *f = g_ptr_array_index(o->files, i);
        if (f->fp)
            fclose(f->fp);
        if (f->tmp)
            g_unlink(f->tmp);
        g_free(f->name), g_free(f->tmp), g_free(f->final), g_free(f);
    }
    g_ptr_array_free(o->files, TRUE);
    pthread_mutex_destroy(&o->lock);
    g_free(o->dir);
    g_free(o);
}

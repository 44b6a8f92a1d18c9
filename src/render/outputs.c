/*
 * outputs.c - a run's report set; see include/tna/outputs.h. The files and their streams
 * live here; where they go on disk, the lock and the swap are outdir.c's.
 *
 * A report stream is a stdio stream over our own write function (fopencookie): it writes
 * with write(2), remembers the errno of the first failure and then drops what follows, and
 * always tells stdio that everything was written. A writer therefore never sees an error;
 * the commit does.
 */
#include "tna/outputs.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outdir.h"
#include "tna/faults.h"

#define STREAM_BUFFER (64 * 1024)

typedef struct out_file {
    tna_outputs *set;
    char *name, *path;
    int fd;    /* -1 for a file a library writes, and once closed */
    FILE *fp;  /* NULL for a file a library writes */
    char *buf; /* the stream's buffer */
    int error; /* errno of the first failure; -1 failed for a reason not known */
} out_file;

struct tna_outputs {
    pthread_mutex_t lock; /* renderers open files from two threads (pthread: helgrind sees it) */
    tna_outdir dir;
    GPtrArray *files; /* out_file* */
    const volatile sig_atomic_t *cancel;
};

tna_outputs *tna_outputs_new(const char *dir)
{
    tna_outputs *o = g_new0(tna_outputs, 1);
    pthread_mutex_init(&o->lock, NULL);
    tna_outdir_init(&o->dir, dir);
    o->files = g_ptr_array_new();
    return o;
}

tna_status tna_outputs_lock(tna_outputs *o, const tna_outputs_options *options, tna_error *err)
{
    if (options)
        o->cancel = options->cancel;
    return tna_outdir_lock(&o->dir, options, err);
}

static bool cancelled(const tna_outputs *o)
{
    return o->cancel && *o->cancel;
}

/* ---- the report stream ---------------------------------------------------------------------- */

static ssize_t stream_write(void *cookie, const char *data, size_t n)
{
    out_file *f = cookie;
    for (size_t done = 0; f->error == 0 && done < n;) {
        if (cancelled(f->set)) {
            f->error = EINTR;
            break;
        }
        ssize_t w =
            tna_fault(TNA_FAULT_WRITE, "write a report") ? -1 : write(f->fd, data + done, n - done);
        if (w > 0)
            done += (size_t)w;
        else if (w < 0 && errno != EINTR)
            f->error = errno;
        else if (w == 0)
            f->error = EIO;
    }
    return (ssize_t)n; /* never an error: see the top of the file */
}

static int stream_close(void *cookie)
{
    (void)cookie; /* the descriptor is synced and closed by the commit */
    return 0;
}

/* ---- files -------------------------------------------------------------------------------------
 */

/* A new file of the set, in the staging directory (made on the first call). */
static tna_status add_file_locked(tna_outputs *o, const char *name, out_file **made, tna_error *err)
{
    tna_status st = o->dir.lock_fd < 0 ? tna_outdir_lock(&o->dir, NULL, err) : TNA_OK;
    if (st == TNA_OK)
        st = tna_outdir_stage(&o->dir, err);
    if (st != TNA_OK)
        return st;
    out_file *f = g_new0(out_file, 1);
    f->set = o;
    f->name = g_strdup(name);
    f->path = g_build_filename(o->dir.staging, name, NULL);
    f->fd = -1;
    g_ptr_array_add(o->files, f);
    *made = f;
    return TNA_OK;
}

static tna_status add_file(tna_outputs *o, const char *name, out_file **made, tna_error *err)
{
    pthread_mutex_lock(&o->lock);
    tna_status st = add_file_locked(o, name, made, err);
    pthread_mutex_unlock(&o->lock);
    return st;
}

tna_status tna_outputs_open(tna_outputs *o, const char *name, FILE **fp, tna_error *err)
{
    out_file *f;
    tna_status st = add_file(o, name, &f, err);
    if (st != TNA_OK)
        return st;
    f->fd = tna_fault(TNA_FAULT_WRITE, "create a report")
                ? -1
                : open(f->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (f->fd < 0)
        return tna_outputs_fail(o, name, errno, err);
    f->buf = g_try_malloc(STREAM_BUFFER);
    if (f->buf == NULL)
        return tna_outputs_fail(o, name, ENOMEM, err);
    cookie_io_functions_t io = {NULL, stream_write, NULL, stream_close};
    f->fp = fopencookie(f, "w", io);
    if (f->fp == NULL)
        return tna_outputs_fail(o, name, errno, err);
    setvbuf(f->fp, f->buf, _IOFBF, STREAM_BUFFER);
    *fp = f->fp;
    return TNA_OK;
}

tna_status tna_outputs_path(tna_outputs *o, const char *name, const char **path, tna_error *err)
{
    out_file *f;
    tna_status st = add_file(o, name, &f, err);
    if (st != TNA_OK)
        return st;
    /* the fault build makes the library's own creation of the file fail, so that its error
     * path (libxlsxwriter's workbook_close) is the one that runs */
    if (tna_fault(TNA_FAULT_WRITE, "create a report (by a library)"))
        mkdir(f->path, 0777);
    *path = f->path;
    return TNA_OK;
}

tna_status tna_outputs_fail(tna_outputs *o, const char *name, int error, tna_error *err)
{
    pthread_mutex_lock(&o->lock);
    for (guint i = 0; i < o->files->len; i++) {
        out_file *f = g_ptr_array_index(o->files, i);
        if (strcmp(f->name, name) == 0 && f->error == 0)
            f->error = error > 0 ? error : -1;
    }
    pthread_mutex_unlock(&o->lock);
    return tna_outdir_error(&o->dir, error, err);
}

/* ---- commit ------------------------------------------------------------------------------------
 */

/* Flushes, syncs and closes one file; records its first error. */
static void finish_file(out_file *f)
{
    if (f->fp) {
        fclose(f->fp); /* flushes through stream_write, which cannot fail */
        f->fp = NULL;
    }
    g_free(f->buf);
    f->buf = NULL;
    if (f->fd >= 0) {
        if (f->error == 0 && (tna_fault(TNA_FAULT_WRITE, "sync a report") || fsync(f->fd) != 0))
            f->error = errno;
        bool fault = tna_fault(TNA_FAULT_WRITE, "close a report");
        int e = fault ? errno : 0;
        if (close(f->fd) != 0 && !fault)
            e = errno;
        f->fd = -1;
        if (f->error == 0 && (fault || e))
            f->error = e ? e : EIO;
        return;
    }
    struct stat st;
    if (f->error == 0 && lstat(f->path, &st) != 0)
        f->error = errno; /* the library did not write its file */
    else if (f->error == 0 && !S_ISREG(st.st_mode))
        f->error = EISDIR;
    if (f->error == 0)
        f->error = tna_outdir_sync(f->path, "sync a report (by a library)");
}

tna_status tna_outputs_commit(tna_outputs *o, tna_error *err)
{
    int first = 0;
    for (guint i = 0; i < o->files->len; i++) {
        out_file *f = g_ptr_array_index(o->files, i);
        finish_file(f);
        if (first == 0)
            first = f->error;
    }
    if (cancelled(o))
        return tna_error_set(err, TNA_ERR_OUTPUT, NULL, 0, 0,
                             "cannot write reports to %s: interrupted", o->dir.shown);
    if (first)
        return tna_outdir_error(&o->dir, first, err);
    char **names = g_new0(char *, o->files->len + 1);
    for (guint i = 0; i < o->files->len; i++)
        names[i] = ((out_file *)g_ptr_array_index(o->files, i))->name;
    tna_status st = tna_outdir_publish(&o->dir, names, o->files->len, o->cancel, err);
    g_free(names);
    return st;
}

char *tna_outputs_final_path(const tna_outputs *o, const char *name)
{
    return g_build_filename(o->dir.shown, name, NULL);
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
        if (f->fd >= 0)
            close(f->fd);
        g_free(f->buf), g_free(f->name), g_free(f->path), g_free(f);
    }
    g_ptr_array_free(o->files, TRUE);
    tna_outdir_release(&o->dir);
    pthread_mutex_destroy(&o->lock);
    g_free(o);
}

/*
 * outdir.c - the output directory on disk; see outdir.h, include/tna/outputs.h and
 * docs/outputs.md ("On disk").
 *
 * Why a link: rename(2) replaces one name atomically, but a set is eleven files. Staging
 * the set in a directory of its own and pointing DIR at it with a symbolic link turns the
 * replacement of the whole set into the replacement of one name.
 *
 * Why a lock file beside DIR rather than a lock on DIR: DIR is the name being replaced, so
 * two runs could each lock a different directory under it. The lock file is removed by its
 * holder at the end (while still holding it), so a run that was waiting on it checks, once
 * it has the lock, that the file it locked is still the one at that name, and starts over
 * when it is not.
 */
#include "outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tna/faults.h"

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

/* ---- fallible steps, each one a fault point ------------------------------------------------ */

static int do_mkdir(const char *path, const char *what)
{
    if (tna_fault(TNA_FAULT_WRITE, what))
        return -1;
    return g_mkdir_with_parents(path, 0777);
}

static int do_rename(const char *from, const char *to, const char *what)
{
    if (tna_fault(TNA_FAULT_WRITE, what))
        return -1;
    return rename(from, to);
}

static int do_exchange(const char *a, const char *b, const char *what)
{
    if (tna_fault(TNA_FAULT_WRITE, what))
        return -1;
    return renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE);
}

int tna_outdir_sync(const char *path, const char *what)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    int e = 0;
    if (tna_fault(TNA_FAULT_WRITE, what) || (fsync(fd) != 0 && errno != EINVAL))
        e = errno; /* EINVAL: a file system that cannot sync directories */
    close(fd);
    return e;
}

tna_status tna_outdir_error(const tna_outdir *d, int error, tna_error *err)
{
    return tna_error_set(err, TNA_ERR_OUTPUT, NULL, 0, 0, "cannot write reports to %s: %s",
                         d->shown, error > 0 ? g_strerror(error) : "write failed");
}

/* ---- removing -------------------------------------------------------------------------------- */

/* Removes name in the directory at, and everything under it, without following links.
 * Best effort: what is left the next run removes. */
static void remove_at(int at, const char *name, int depth)
{
    struct stat st;
    if (fstatat(at, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return;
    if (!S_ISDIR(st.st_mode) || depth >= 4) {
        unlinkat(at, name, 0);
        return;
    }
    int fd = openat(at, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *dir = fd >= 0 ? fdopendir(fd) : NULL;
    if (dir == NULL && fd >= 0)
        close(fd);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free); /* read, then remove */
    for (struct dirent *e; dir && (e = readdir(dir)) != NULL;)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            g_ptr_array_add(names, g_strdup(e->d_name));
    for (guint i = 0; i < names->len; i++)
        remove_at(dirfd(dir), g_ptr_array_index(names, i), depth + 1);
    g_ptr_array_free(names, TRUE);
    if (dir)
        closedir(dir);
    unlinkat(at, name, AT_REMOVEDIR);
}

static void remove_tree(const char *path)
{
    remove_at(AT_FDCWD, path, 0);
}

/* Removes the entries of dir whose name `match` accepts: whole trees, or (files_only) only
 * files. The names are read first, then removed. */
static void remove_matching(const char *path, bool (*match)(const char *name, const void *ctx),
                            const void *ctx, bool files_only)
{
    DIR *dir = opendir(path);
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    for (struct dirent *e; dir && (e = readdir(dir)) != NULL;)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 && match(e->d_name, ctx))
            g_ptr_array_add(names, g_strdup(e->d_name));
    for (guint i = 0; i < names->len; i++)
        if (files_only)
            unlinkat(dirfd(dir), g_ptr_array_index(names, i), 0);
        else
            remove_at(dirfd(dir), g_ptr_array_index(names, i), 0);
    g_ptr_array_free(names, TRUE);
    if (dir)
        closedir(dir);
}

/* ---- where things go ------------------------------------------------------------------------- */

/* A link we made: ".BASE.tna/set-..." beside DIR. */
static bool our_link(const char *base, const char *target)
{
    size_t n = strlen(base);
    return target[0] == '.' && strncmp(target + 1, base, n) == 0 &&
           strncmp(target + 1 + n, ".tna/set-", 9) == 0 && strchr(target + n + 6, '/') == NULL;
}

void tna_outdir_init(tna_outdir *d, const char *dir)
{
    memset(d, 0, sizeof *d);
    d->lock_fd = -1;
    d->shown = g_strdup(dir);
    char *path = g_canonicalize_filename(dir, NULL);
    /* a link of the user's (reports -> /srv/share/reports) is followed: the set goes where it
     * points, and the user's link stays */
    for (int hops = 0; hops < 16; hops++) {
        char *target = g_file_read_link(path, NULL);
        if (target == NULL)
            break;
        char *parent = g_path_get_dirname(path), *base = g_path_get_basename(path);
        char *next = our_link(base, target) ? NULL : g_canonicalize_filename(target, parent);
        g_free(parent), g_free(base), g_free(target);
        if (next == NULL)
            break;
        g_free(path);
        path = next;
    }
    d->path = path;
    d->parent = g_path_get_dirname(path);
    d->base = g_path_get_basename(path);
    struct stat st, up;
    bool is_dir = lstat(path, &st) == 0 && S_ISDIR(st.st_mode);
    d->in_place = strcmp(d->parent, path) == 0 ||
                  (is_dir && (stat(d->parent, &up) != 0 || up.st_dev != st.st_dev ||
                              access(d->parent, W_OK) != 0));
    if (d->in_place) {
        d->home = g_build_filename(path, ".tna", NULL);
    } else {
        char *name = g_strdup_printf(".%s.tna", d->base);
        d->home = g_build_filename(d->parent, name, NULL);
        g_free(name);
    }
}

/* ---- the lock ----------------------------------------------------------------------------------
 */

/* The pid the holder wrote into the lock file (it writes it just after locking, so give it a
 * moment); 0 when none appears. */
static long holder_pid(int fd)
{
    for (int tries = 0; tries < 50; tries++) {
        char buf[32] = {0};
        ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
        long pid = n > 0 ? strtol(buf, NULL, 10) : 0;
        if (pid > 0)
            return pid;
        g_usleep(2000);
    }
    return 0;
}

/* Temporaries of tna 0.1 (".NAME.XXXXXX" beside the reports), which no later run removed. */
static bool old_temporary(const char *n, const void *ctx)
{
    (void)ctx;
    size_t len = strlen(n);
    if (n[0] != '.' || len < 13 || n[len - 7] != '.')
        return false;
    for (size_t i = len - 6; i < len; i++)
        if (!g_ascii_isalnum(n[i]))
            return false;
    char *stem = g_strndup(n + 1, len - 8);
    bool ours = g_str_has_suffix(stem, ".csv") || g_str_has_suffix(stem, ".pdf") ||
                g_str_has_suffix(stem, ".xlsx");
    g_free(stem);
    return ours;
}

static bool stale(const char *n, const void *ctx)
{
    (void)ctx;
    return g_str_has_prefix(n, "new-") || g_str_has_prefix(n, "link-");
}

/* Under the lock no other run is writing, so every staging directory and new link in the
 * home was left by a run that died (or was killed) before it could remove them. */
static void clean_stale(const tna_outdir *d)
{
    remove_matching(d->home, stale, NULL, false);
    remove_matching(d->path, old_temporary, NULL, true);
}

static tna_status busy(const tna_outdir *d, long pid, tna_error *err)
{
    char who[48] = "";
    if (pid > 0)
        snprintf(who, sizeof who, " (process %ld)", pid);
    return tna_error_set(err, TNA_ERR_OUTPUT, NULL, 0, 0,
                         "cannot write reports to %s: another tna run%s is writing them; run "
                         "again when it has finished, or with --wait",
                         d->shown, who);
}

/* One attempt: 1 locked, 0 the file locked was removed meanwhile (try again), -1 failed. */
static int lock_once(tna_outdir *d, const char *lock, const tna_outputs_options *o, bool *told,
                     tna_error *err)
{
    if (do_mkdir(d->home, "create the sets directory") != 0) {
        tna_outdir_error(d, errno, err);
        return -1;
    }
    int fd = tna_fault(TNA_FAULT_WRITE, "create the lock file")
                 ? -1
                 : open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) {
        if (errno == ENOENT) /* a finishing run removed the empty home just now */
            return 0;
        tna_outdir_error(d, errno, err);
        return -1;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        long pid = e == EWOULDBLOCK ? holder_pid(fd) : 0;
        if (e != EWOULDBLOCK || !o || !o->wait) {
            close(fd);
            if (e == EWOULDBLOCK)
                busy(d, pid, err);
            else
                tna_outdir_error(d, e, err);
            return -1;
        }
        if (!*told && o->waiting)
            o->waiting(d->shown, pid, o->ctx);
        *told = true;
        int r;
        while ((r = flock(fd, LOCK_EX)) != 0 && errno == EINTR && !(o->cancel && *o->cancel))
            ;
        if (r != 0) {
            e = errno;
            close(fd);
            tna_outdir_error(d, e, err);
            return -1;
        }
    }
    struct stat held, named;
    if (fstat(fd, &held) != 0 || stat(lock, &named) != 0 || held.st_dev != named.st_dev ||
        held.st_ino != named.st_ino) {
        close(fd);
        return 0;
    }
    d->lock_fd = fd;
    return 1;
}

tna_status tna_outdir_lock(tna_outdir *d, const tna_outputs_options *o, tna_error *err)
{
    if (d->lock_fd >= 0)
        return TNA_OK;
    if (o && o->in_place && !d->in_place) {
        d->in_place = true;
        g_free(d->home);
        d->home = g_build_filename(d->path, ".tna", NULL);
    }
    struct stat st;
    if (lstat(d->path, &st) == 0 && !S_ISDIR(st.st_mode) && !S_ISLNK(st.st_mode))
        return tna_outdir_error(d, ENOTDIR, err);
    char *lock = g_build_filename(d->home, "lock", NULL);
    bool told = false;
    int got = 0;
    for (int tries = 0; tries < 1000 && got == 0; tries++)
        got = lock_once(d, lock, o, &told, err);
    g_free(lock);
    if (got == 0)
        return tna_outdir_error(d, EAGAIN, err);
    if (got < 0)
        return TNA_ERR_OUTPUT;
    char pid[32];
    int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (tna_fault(TNA_FAULT_WRITE, "write the lock file") || ftruncate(d->lock_fd, 0) != 0 ||
        pwrite(d->lock_fd, pid, (size_t)n, 0) != n)
        return tna_outdir_error(d, errno, err);
    clean_stale(d);
    return TNA_OK;
}

tna_status tna_outdir_stage(tna_outdir *d, tna_error *err)
{
    if (d->staging)
        return TNA_OK;
    char *t = g_strdup_printf("%s/new-%ld-XXXXXX", d->home, (long)getpid());
    if (tna_fault(TNA_FAULT_WRITE, "create the staging directory") ||
        g_mkdtemp_full(t, 0777) == NULL) {
        int e = errno;
        g_free(t);
        return tna_outdir_error(d, e, err);
    }
    d->staging = t;
    return TNA_OK;
}

/* ---- publishing --------------------------------------------------------------------------------
 */

/* "set-20260802T101500Z-4242" (the clock, not SOURCE_DATE_EPOCH: it names a directory, not
 * a figure), with a counter when a set of that name is still there. */
static char *new_set_name(const tna_outdir *d, const char *suffix)
{
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
    for (int i = 0;; i++) {
        char *name = i ? g_strdup_printf("set-%s-%ld%s-%d", stamp, (long)getpid(), suffix, i)
                       : g_strdup_printf("set-%s-%ld%s", stamp, (long)getpid(), suffix);
        char *path = g_build_filename(d->home, name, NULL);
        struct stat st;
        bool taken = lstat(path, &st) == 0;
        g_free(path);
        if (!taken || i >= 1000)
            return name;
        g_free(name);
    }
}

/* What DIR is now. */
typedef enum dir_kind {
    DIR_ABSENT,    /* the first run */
    DIR_OURS,      /* our link: swap it */
    DIR_OURS_ONLY, /* a real directory holding only files of this set: exchange it */
    DIR_FOREIGN,   /* a real directory with other things in it: update it in place */
    DIR_OTHER      /* a file, a device...: refuse */
} dir_kind;

/* Whether the directory at path (DIR itself, or a folder of it named by prefix "packs/...")
 * holds nothing but files of names[0..n) and the folders they are in. */
static bool only_these(const char *path, const char *prefix, char *const *names, size_t n)
{
    DIR *dir = opendir(path);
    bool only = dir != NULL;
    for (struct dirent *e; only && (e = readdir(dir)) != NULL;) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        struct stat st;
        char *name = g_strconcat(prefix, e->d_name, NULL);
        char *folder = g_strconcat(name, "/", NULL);
        bool named = false, in_folder = false;
        for (size_t i = 0; i < n && !named; i++)
            named = strcmp(names[i], name) == 0,
            in_folder |= g_str_has_prefix(names[i], folder);
        only = fstatat(dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
               ((named && S_ISREG(st.st_mode)) || (in_folder && S_ISDIR(st.st_mode)));
        if (only && S_ISDIR(st.st_mode)) {
            char *sub = g_build_filename(path, e->d_name, NULL);
            only = only_these(sub, folder, names, n);
            g_free(sub);
        }
        g_free(name), g_free(folder);
    }
    if (dir)
        closedir(dir);
    return only;
}

/* Makes the folders above a file's path (a pack's packs/ID/); 0 or an errno value. */
static int make_parent(const char *path)
{
    char *parent = g_path_get_dirname(path);
    int e = g_mkdir_with_parents(parent, 0777) == 0 ? 0 : errno;
    g_free(parent);
    return e;
}

static dir_kind classify(const tna_outdir *d, char *const *names, size_t n, char **current)
{
    struct stat st;
    *current = NULL;
    if (lstat(d->path, &st) != 0)
        return errno == ENOENT ? DIR_ABSENT : DIR_OTHER;
    if (S_ISLNK(st.st_mode)) {
        char *target = g_file_read_link(d->path, NULL);
        if (target && our_link(d->base, target)) {
            *current = g_path_get_basename(target);
            g_free(target);
            return DIR_OURS;
        }
        g_free(target);
        return DIR_OTHER; /* a link that appeared since the run began */
    }
    if (!S_ISDIR(st.st_mode))
        return DIR_OTHER;
    return only_these(d->path, "", names, n) ? DIR_OURS_ONLY : DIR_FOREIGN;
}

/* Replaces DIR's files names[0..n) by those in src, file by file: the old ones are linked
 * into src/.old first and put back when a rename fails. 0 or an errno value. */
static int put_in_place(const tna_outdir *d, const char *src, char *const *names, size_t n,
                        const volatile sig_atomic_t *cancel)
{
    char *old = g_build_filename(src, ".old", NULL);
    bool *had = g_new0(bool, n ? n : 1), *kept = g_new0(bool, n ? n : 1);
    int e = do_mkdir(old, "create the backup directory") == 0 ? 0 : errno;
    for (size_t i = 0; i < n && e == 0; i++) {
        char *dst = g_build_filename(d->path, names[i], NULL);
        char *aside = g_build_filename(old, names[i], NULL);
        struct stat st;
        had[i] = lstat(dst, &st) == 0;
        if (had[i] && S_ISREG(st.st_mode) && strchr(names[i], '/'))
            e = make_parent(aside);
        if (e == 0 && had[i] && S_ISREG(st.st_mode)) {
            if (!tna_fault(TNA_FAULT_WRITE, "link an old report aside") && link(dst, aside) == 0)
                kept[i] = true;
            else if (errno != EPERM && errno != EOPNOTSUPP) /* no hard links: no way back */
                e = errno;
        }
        g_free(dst), g_free(aside);
    }
    if (e == 0 && cancel && *cancel)
        e = EINTR;
    size_t done = 0;
    for (; done < n && e == 0; done++) {
        char *from = g_build_filename(src, names[done], NULL);
        char *dst = g_build_filename(d->path, names[done], NULL);
        if (strchr(names[done], '/'))
            e = make_parent(dst);
        if (e == 0 && do_rename(from, dst, "rename a report into place") != 0)
            e = errno;
        g_free(from), g_free(dst);
        if (e)
            break;
    }
    for (size_t i = 0; e != 0 && i < done; i++) { /* undo: the old files come back */
        char *dst = g_build_filename(d->path, names[i], NULL);
        char *aside = g_build_filename(old, names[i], NULL);
        if (kept[i])
            rename(aside, dst);
        else if (!had[i])
            unlink(dst);
        g_free(dst), g_free(aside);
    }
    if (e == 0)
        tna_outdir_sync(d->path, "after commit: sync the directory");
    g_free(had), g_free(kept), g_free(old);
    return e;
}

/* A set that is neither of the two kept (ctx: the two names, the second may be NULL). */
static bool old_set(const char *n, const void *ctx)
{
    const char *const *keep = ctx;
    return g_str_has_prefix(n, "set-") && strcmp(n, keep[0]) != 0 &&
           (keep[1] == NULL || strcmp(n, keep[1]) != 0);
}

/* Removes every set but the two kept. Best effort: the next run tries again. */
static void prune(const tna_outdir *d, const char *keep, const char *keep_too)
{
    const char *kept[2] = {keep, keep_too};
    remove_matching(d->home, old_set, kept, false);
}

/* Swaps the link link (pointing at the new set) in for DIR. 0 or an errno value; *earlier
 * receives the name under which a real directory DIR was kept. */
static int swap_in(const tna_outdir *d, const char *link, dir_kind kind, char **earlier)
{
    if (kind != DIR_OURS_ONLY)
        return do_rename(link, d->path, "swap the link") == 0 ? 0 : errno;
    *earlier = new_set_name(d, "-earlier");
    char *aside = g_build_filename(d->home, *earlier, NULL);
    int e = 0;
    if (do_exchange(link, d->path, "exchange the directory for the link") == 0) {
        rename(link, aside); /* link now names the old directory; kept as the previous set */
    } else if (errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP) {
        /* no RENAME_EXCHANGE here: DIR goes missing for an instant, but is never mixed */
        if (do_rename(d->path, aside, "move the directory aside") != 0)
            e = errno;
        else if (do_rename(link, d->path, "put the link in place") != 0) {
            e = errno;
            rename(aside, d->path);
        }
    } else {
        e = errno;
    }
    g_free(aside);
    return e;
}

tna_status tna_outdir_publish(tna_outdir *d, char *const *names, size_t n,
                              const volatile sig_atomic_t *cancel, tna_error *err)
{
    if (d->staging == NULL)
        return TNA_OK; /* nothing was written */
    int e = tna_outdir_sync(d->staging, "sync the staging directory");
    if (e == 0 && d->in_place && (e = put_in_place(d, d->staging, names, n, cancel)) == 0) {
        remove_tree(d->staging);
        g_free(d->staging);
        d->staging = NULL;
    }
    if (e != 0 || d->in_place)
        return e ? tna_outdir_error(d, e, err) : TNA_OK;

    /* The staging directory becomes a set (from here on, d->staging names it: a failure
     * removes it, leaving DIR as it was). */
    char *set = new_set_name(d, "");
    char *set_path = g_build_filename(d->home, set, NULL);
    if (do_rename(d->staging, set_path, "rename the staging directory to a set") != 0) {
        e = errno;
        g_free(set), g_free(set_path);
        return tna_outdir_error(d, e, err);
    }
    g_free(d->staging);
    d->staging = set_path;
    e = tna_outdir_sync(d->home, "sync the sets directory");
    char *current = NULL, *earlier = NULL, *link = NULL;
    dir_kind kind = e ? DIR_OTHER : classify(d, names, n, &current);
    if (e == 0 && kind == DIR_OTHER)
        e = ENOTDIR;
    if (e == 0 && kind != DIR_FOREIGN) {
        char *name = g_strdup_printf("link-%ld", (long)getpid());
        link = g_build_filename(d->home, name, NULL);
        char *target = g_strdup_printf(".%s.tna/%s", d->base, set);
        unlink(link);
        if (tna_fault(TNA_FAULT_WRITE, "make the new link") || symlink(target, link) != 0) {
            e = errno;
            /* a file system without symbolic links (FAT, some SMB shares): in place */
            if ((e == EPERM || e == EOPNOTSUPP || e == ENOSYS) && kind != DIR_OURS) {
                e = kind == DIR_ABSENT && do_mkdir(d->path, "create the directory") != 0 ? errno
                                                                                         : 0;
                kind = DIR_FOREIGN;
            }
        } else if (cancel && *cancel) {
            e = EINTR;
        } else {
            e = swap_in(d, link, kind, &earlier);
        }
        unlink(link); /* after the swap it names nothing, or the old directory moved on */
        g_free(name), g_free(target);
    }
    if (e == 0 && kind == DIR_FOREIGN)
        e = put_in_place(d, set_path, names, n, cancel);
    if (e == 0) { /* the point of no return is behind */
        if (kind == DIR_FOREIGN)
            remove_tree(set_path);
        g_free(d->staging);
        d->staging = NULL;
        tna_outdir_sync(d->parent, "after commit: sync the parent directory");
        if (kind != DIR_FOREIGN)
            prune(d, set, earlier ? earlier : current);
    }
    g_free(set), g_free(current), g_free(earlier), g_free(link);
    return e ? tna_outdir_error(d, e, err) : TNA_OK;
}

void tna_outdir_release(tna_outdir *d)
{
    if (d->staging)
        remove_tree(d->staging);
    if (d->lock_fd >= 0) {
        char *lock = g_build_filename(d->home, "lock", NULL);
        unlink(lock); /* while still holding it: see the top of the file */
        g_free(lock);
        close(d->lock_fd);
    }
    rmdir(d->home); /* only when empty: a failed first run leaves nothing */
    g_free(d->shown), g_free(d->path), g_free(d->parent), g_free(d->base), g_free(d->home),
        g_free(d->staging);
    memset(d, 0, sizeof *d);
    d->lock_fd = -1;
}

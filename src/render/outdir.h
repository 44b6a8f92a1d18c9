/*
 * outdir.h - the output directory on disk, below outputs.c: where a run's set is staged,
 * the lock, and how a finished set replaces the previous one. include/tna/outputs.h and
 * docs/outputs.md ("On disk") describe the layout; this is the toolbox the set drives.
 *
 * Every call that changes the disk passes through tna_fault() (faults.h), so the
 * fault-injection build can fail or kill each one.
 *
 * Memory: a tna_outdir owns its strings; tna_outdir_release() frees them, removes an
 * unpublished staging directory and releases the lock.
 */
#ifndef TNA_OUTDIR_H
#define TNA_OUTDIR_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "tna/error.h"
#include "tna/outputs.h"

typedef struct tna_outdir {
    char *shown;   /* DIR as the caller gave it, for messages */
    char *path;    /* DIR, absolute; a symbolic link of the user's followed */
    char *parent;  /* its parent directory */
    char *base;    /* its last component */
    char *home;    /* PARENT/.BASE.tna, or DIR/.tna when in_place */
    bool in_place; /* asked for, or DIR is a mount point or its parent is not writable */
    int lock_fd;   /* -1 until locked */
    char *staging; /* HOME/new-PID-XXXXXX once made, until published */
} tna_outdir;

/* Works out the layout for dir (nothing is written). */
void tna_outdir_init(tna_outdir *d, const char *dir);

/* The set's one message: "cannot write reports to DIR: <strerror(error)>" (error 0: "write
 * failed"). Returns TNA_ERR_OUTPUT. */
tna_status tna_outdir_error(const tna_outdir *d, int error, tna_error *err);

tna_status tna_outdir_lock(tna_outdir *d, const tna_outputs_options *options,
                           tna_error *err) TNA_MUST_CHECK;

/* Makes the staging directory (once). */
tna_status tna_outdir_stage(tna_outdir *d, tna_error *err) TNA_MUST_CHECK;

/* Puts the staged files names[0..n) in place (see outputs.h "Commit"): on failure, or when
 * *cancel is set before the point of no return, DIR is as it was. */
tna_status tna_outdir_publish(tna_outdir *d, char *const *names, size_t n,
                              const volatile sig_atomic_t *cancel, tna_error *err) TNA_MUST_CHECK;

/* Opens path read-only, fsyncs and closes it (a file a library wrote, or a directory).
 * Returns 0 or an errno value. */
int tna_outdir_sync(const char *path, const char *what);

void tna_outdir_release(tna_outdir *d);

#endif

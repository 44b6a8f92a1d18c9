/*
 * outputs.h - a run's report set: replaced whole, or not at all.
 *
 * Renderers ask the set for a file by name and write it; nothing they write is visible
 * until tna_outputs_commit() puts the whole set in place at once. docs/outputs.md ("On
 * disk") describes the layout; in short, for an output directory DIR = PARENT/BASE:
 *
 *   PARENT/BASE                 a symbolic link to the current set: .BASE.tna/set-...
 *   PARENT/.BASE.tna/lock       exists while a run holds DIR; flock()ed, holds its pid
 *   PARENT/.BASE.tna/set-T-P/   the current set, and the set before it (kept one run, for
 *                               readers still inside it); older ones are removed
 *   PARENT/.BASE.tna/new-P-X/   the staging directory of a run in progress
 *
 * Lock. A set is locked for the run: tna_outputs_lock() takes an exclusive flock on the
 * lock file and fails at once (TNA_ERR_OUTPUT naming the other run's process) or waits
 * (options->wait). Under the lock it removes the staging directories of earlier runs (no run
 * can be writing them: it would hold the lock) and the temporaries older tna versions left
 * in DIR. The first open locks the set without waiting when the caller did not.
 *
 * Writing. Files are written into the staging directory. The streams of tna_outputs_open()
 * never report an error to their writer: the first failure of a file (or of the set's
 * cancel flag) is recorded and later output is dropped, so writers that ignore fputs'
 * result, and cairo, which asserts on some write-error paths, carry on harmlessly. The
 * commit then refuses with the one message "cannot write reports to DIR: <reason>".
 *
 * Commit. Every file is flushed, fsynced and closed, the staging directory is renamed to
 * set-..., and the link DIR is replaced by a new link with rename(2), which readers see as
 * one step. A real directory DIR (made by an older tna, or by the user) that holds nothing
 * but files of this set is exchanged for the link (renameat2 RENAME_EXCHANGE; where the
 * file system cannot, it is renamed aside and the link renamed in: DIR is then missing for
 * an instant, never mixed). A directory that holds other files, or that sits on another file
 * system than its parent (a mount point), or whose parent is not writable, is updated in
 * place, file by file, with the old files linked aside first and put back if a rename
 * fails: each file is atomic but the set is not (the lock and staging then live in
 * DIR/.tna). Until the link is swapped a failure leaves everything as it was; after it,
 * nothing fails the run (syncing the parent and removing older sets are best effort).
 *
 * Threads: renderers may open and write files from different threads at once; lock, commit
 * and free run on one thread.
 *
 * Memory: the set owns its streams and paths; tna_outputs_free() closes what is open,
 * removes the staging directory of an uncommitted set and releases the lock. Returned
 * paths are valid until then.
 */
#ifndef TNA_OUTPUTS_H
#define TNA_OUTPUTS_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "tna/error.h"

typedef struct tna_outputs tna_outputs;

typedef struct tna_outputs_options {
    bool wait; /* another run holds DIR: wait for it rather than fail */
    /* called once before waiting, with the other run's process id (0 when unknown) */
    void (*waiting)(const char *dir, long pid, void *ctx);
    void *ctx;
    /* when *cancel becomes non-zero (a signal arrived), output is dropped and the commit
     * refuses; may be NULL */
    const volatile sig_atomic_t *cancel;
    /* DIR stays a plain directory, updated in place file by file (as a directory holding
     * other files is, above): for files a user keeps beside their own, such as a
     * questionnaire and the exports saved next to it, which a link to a set would move */
    bool in_place;
} tna_outputs_options;

/* A set writing into dir; nothing touches the disk yet. */
tna_outputs *tna_outputs_new(const char *dir);

/* Takes the lock on the set's directory (creating PARENT/.BASE.tna when needed) and cleans
 * what dead runs left; options may be NULL (fail when busy, no cancel flag). */
tna_status tna_outputs_lock(tna_outputs *out, const tna_outputs_options *options,
                            tna_error *err) TNA_MUST_CHECK;

/* A stream for the file `name` of the set. */
tna_status tna_outputs_open(tna_outputs *out, const char *name, FILE **fp,
                            tna_error *err) TNA_MUST_CHECK;

/* A path for the file `name`, for libraries that open files themselves; the library must
 * have closed it before commit. */
tna_status tna_outputs_path(tna_outputs *out, const char *name, const char **path,
                            tna_error *err) TNA_MUST_CHECK;

/* Records that writing `name` failed, with errno `error` (0 when the library did not say
 * why); the commit will refuse. When err is not NULL it receives the set's message
 * ("cannot write reports to DIR: <reason>"). Returns TNA_ERR_OUTPUT. */
tna_status tna_outputs_fail(tna_outputs *out, const char *name, int error, tna_error *err);

tna_status tna_outputs_commit(tna_outputs *out, tna_error *err) TNA_MUST_CHECK;

/* The final path of a committed file name (for messages). Caller frees with g_free(). */
char *tna_outputs_final_path(const tna_outputs *out, const char *name);

/* The files of the set, in the order they were opened (names, not paths). */
size_t tna_outputs_count(const tna_outputs *out);
const char *tna_outputs_name(const tna_outputs *out, size_t i);

void tna_outputs_free(tna_outputs *out);

#endif

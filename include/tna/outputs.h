/*
 * outputs.h - all of a run's report files appear together, or none does.
 *
 * Renderers ask for a file by name; they get a temporary file in the output directory
 * (created when missing) to write. tna_outputs_commit() flushes and fsyncs every temporary
 * file, and only when all were written without error renames each over its final name and
 * fsyncs the directory. A failed run removes its temporary files, so the reports of the last
 * good run stay as they were.
 *
 * Renderers may open their files from different threads at once (the set is locked); commit
 * and free run on one thread after they have finished.
 *
 * Memory: the set owns its FILE handles and paths; tna_outputs_free() closes and removes
 * whatever was not committed. Returned paths are valid until then.
 */
#ifndef TNA_OUTPUTS_H
#define TNA_OUTPUTS_H

#include <stdio.h>

#include "tna/error.h"

typedef struct tna_outputs tna_outputs;

tna_outputs *tna_outputs_new(const char *dir);

/* A stream for the file `name` in the output directory. */
tna_status tna_outputs_open(tna_outputs *out, const char *name, FILE **fp,
                            tna_error *err) TNA_MUST_CHECK;

/* A temporary path for the file `name`, for libraries that open files themselves; the
 * library must have closed it before commit. */
tna_status tna_outputs_path(tna_outputs *out, const char *name, const char **tmp_path,
                            tna_error *err) TNA_MUST_CHECK;

/* Marks a file as failed (e.g. a library reported a write error): commit will refuse. */
void tna_outputs_fail(tna_outputs *out, const char *name);

tna_status tna_outputs_commit(tna_outputs *out, tna_error *err) TNA_MUST_CHECK;

/* The final path of a committed file name (for messages). Caller frees with g_free(). */
char *tna_outputs_final_path(const tna_outputs *out, const char *name);

/* The files of the set, in the order they were opened (names, not paths). */
size_t tna_outputs_count(const tna_outputs *out);
const char *tna_outputs_name(const tna_outputs *out, size_t i);

void tna_outputs_free(tna_outputs *out);

#endif

/*
 * faults.h - fault injection for tests, SQLite's way: a test build fails the Nth operation
 * of a kind, and a test walks N from 1 upwards through a whole run.
 *
 * In an ordinary build tna_fault() is the constant false and costs nothing. The test build
 * (`-DTNA_FAULTS`, $(BUILD)/tna-faults, see the Makefile) counts every call, and the one
 * whose number the environment names fails:
 *
 *   TNA_FAULT_WRITE=N  the Nth write-class operation fails: a write(2) of a report stream,
 *                      the creation of a report file or of the staging directory, every
 *                      fsync, close, rename, link and symlink of the outputs set (outputs.c),
 *                      and the file libxlsxwriter opens for the workbook (it then fails to
 *                      create it, so its own error path runs). The error is ENOSPC, the
 *                      error of a full disk, whatever the operation.
 *   TNA_FAULT_KILL=N   the Nth write-class operation kills the process (SIGKILL) instead:
 *                      a crash at every step of the commit.
 *   TNA_FAULT_ALLOC=N  the Nth checked allocation returns NULL. "Checked" means the
 *                      g_try_* family: the buffers tna sizes from its input (csvread's read
 *                      block, record arena and field arrays, the cp1252 buffer; the report
 *                      streams' buffers). Everything else allocates with g_malloc, which,
 *                      like GLib, cairo, pango and libxlsxwriter inside, aborts or fails
 *                      without a way back; an out-of-memory there is not recoverable and
 *                      is not walked. The fault binary is linked with
 *                      -Wl,--wrap=g_try_malloc (and the rest of the family), so the counting
 *                      wrappers below replace them in tna's own objects only.
 *
 * When a fault fires, "tna-faults: <kind> #N (<what>)" goes to stderr, so a walk knows a
 * fault was reached (a run that exits 0 after a fault fired swallowed it, unless <what>
 * says "after commit": the new set was already in place). Operations run on two threads
 * while the reports render, so which operation is number N can differ between two runs;
 * the total, and so the end of a walk, does not.
 *
 * The counters are process-wide (the one global state of tna, and only in this build).
 */
#ifndef TNA_FAULTS_H
#define TNA_FAULTS_H

#include <stdbool.h>

typedef enum tna_fault_kind { TNA_FAULT_WRITE, TNA_FAULT_ALLOC } tna_fault_kind;

#ifdef TNA_FAULTS
/* Counts one operation of `kind`; true when it must fail (errno is then ENOSPC for a write,
 * ENOMEM for an allocation). `what` names the operation for the log. */
bool tna_fault(tna_fault_kind kind, const char *what);
#else
#define tna_fault(kind, what) ((void)(kind), (void)(what), false)
#endif

#endif

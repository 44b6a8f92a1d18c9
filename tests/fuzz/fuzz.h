/*
 * fuzz.h - what the libFuzzer harnesses (fuzz_*.c) share: a scratch directory for inputs that
 * must be files, and a way to stop on a broken promise. Header only.
 *
 * A harness is one file, tests/fuzz/fuzz_NAME.c, defining LLVMFuzzerTestOneInput (and, when
 * it needs set-up, LLVMFuzzerInitialize). `make fuzz` finds it, builds it with clang and
 * libFuzzer, and runs it from tests/fuzz/corpus/NAME/ (seeds, optional); `make test` replays
 * that corpus and tests/fuzz/regressions/NAME/ through it with replay.c. Harnesses run from
 * the repository root.
 */
#ifndef TNA_FUZZ_H
#define TNA_FUZZ_H

#include <glib.h>
#include <glib/gstdio.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* A broken promise: say which, then abort so that libFuzzer keeps the input. */
#define FUZZ_ASSERT(cond)                                                                          \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "%s:%d: broken promise: %s\n", __FILE__, __LINE__, #cond);             \
            abort();                                                                               \
        }                                                                                          \
    } while (0)

static char *fuzz_scratch_dir;

static inline void fuzz_scratch_remove(void)
{
    char *cmd = g_strdup_printf("rm -rf '%s'", fuzz_scratch_dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", fuzz_scratch_dir);
    g_free(cmd);
}

/* A directory of the harness's own (in memory when /dev/shm exists), removed at exit. */
static inline const char *fuzz_scratch(void)
{
    if (fuzz_scratch_dir == NULL) {
        const char *base =
            g_file_test("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm" : g_get_tmp_dir();
        char *tmpl = g_build_filename(base, "tna-fuzz-XXXXXX", NULL);
        fuzz_scratch_dir = g_mkdtemp(tmpl);
        if (fuzz_scratch_dir == NULL) {
            perror(tmpl);
            abort();
        }
        atexit(fuzz_scratch_remove);
    }
    return fuzz_scratch_dir;
}

/* Writes data to name in the scratch directory; returns the path (caller frees). */
static inline char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
    char *path = g_build_filename(fuzz_scratch(), name, NULL);
    if (!g_file_set_contents(path, (const char *)data, (gssize)size, NULL))
        abort();
    return path;
}

/* Copies a fixture file of the repository into the scratch directory. */
static inline void fuzz_copy(const char *from, const char *name)
{
    char *text;
    gsize len;
    if (!g_file_get_contents(from, &text, &len, NULL)) {
        fprintf(stderr, "cannot read %s (harnesses run from the repository root)\n", from);
        abort();
    }
    g_free(fuzz_write(name, (const uint8_t *)text, len));
    g_free(text);
}

#endif

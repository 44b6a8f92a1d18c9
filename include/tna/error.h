/*
 * error.h - the one error type of tna.
 *
 * Every stage reports failure through a tna_error that the caller owns (usually on the
 * stack, zero-initialised with TNA_ERROR_INIT). The first error wins: tna_error_set() does
 * nothing when the error already holds one, so a cleanup path cannot overwrite the cause.
 * The library never prints; main.c formats the error as "file:line:col: message" with
 * tna_error_format() and maps the status to an exit code with tna_status_exit_code().
 *
 * Memory: a tna_error holds its text inline (fixed buffers, truncated if longer), so there
 * is nothing to free.
 */
#ifndef TNA_ERROR_H
#define TNA_ERROR_H

#include <stdarg.h>
#include <stddef.h>

typedef enum tna_status {
    TNA_OK = 0,
    TNA_ERR_USAGE,  /* bad command line                                      exit 2 */
    TNA_ERR_CONFIG, /* the configuration is wrong                            exit 2 */
    TNA_ERR_INPUT,  /* an input could not be read, or is broken               exit 3 */
    TNA_ERR_OUTPUT, /* an output could not be written                         exit 3 */
    TNA_ERR_DATA,   /* data problems, an error only with --strict            exit 1 */
    TNA_ERR_NOMEM,  /* out of memory, or an input exceeded a size cap         exit 3 */
} tna_status;

#define TNA_ERROR_FILE_MAX 512
#define TNA_ERROR_MSG_MAX 1024

typedef struct tna_error {
    tna_status code;
    char file[TNA_ERROR_FILE_MAX]; /* "" when the error belongs to no file */
    long line;                     /* 1-based; 0 when unknown */
    long col;                      /* 1-based; 0 when unknown */
    char message[TNA_ERROR_MSG_MAX];
} tna_error;

#define TNA_ERROR_INIT {TNA_OK, "", 0, 0, ""}

#if defined(__GNUC__)
#define TNA_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define TNA_MUST_CHECK __attribute__((warn_unused_result))
#else
#define TNA_PRINTF(f, a)
#define TNA_MUST_CHECK
#endif

/* Records an error unless one is already recorded (the first error wins). err may be NULL.
 * file may be NULL; line and col are 1-based, 0 meaning unknown. Returns code. */
tna_status tna_error_set(tna_error *err, tna_status code, const char *file, long line, long col,
                         const char *fmt, ...) TNA_PRINTF(6, 7);
tna_status tna_error_setv(tna_error *err, tna_status code, const char *file, long line,
                          long col, const char *fmt, va_list ap);

/* Writes "file:line:col: message" (omitting the parts that are unknown) into buf. */
void tna_error_format(const tna_error *err, char *buf, size_t size);

/* A short text for a status code ("configuration error", ...). Static storage. */
const char *tna_strerror(tna_status code);

/* The documented exit status of a code: 0, 1, 2 or 3. */
int tna_status_exit_code(tna_status code);

#endif

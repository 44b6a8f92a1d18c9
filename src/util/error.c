/* error.c - see include/tna/error.h. */
#include "tna/error.h"

#include <stdio.h>
#include <string.h>

tna_status tna_error_setv(tna_error *err, tna_status code, const char *file, long line,
                          long col, const char *fmt, va_list ap)
{
    if (err == NULL || err->code != TNA_OK)
        return code;
    err->code = code;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->col = col;
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    return code;
}

tna_status tna_error_set(tna_error *err, tna_status code, const char *file, long line, long col,
                         const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tna_error_setv(err, code, file, line, col, fmt, ap);
    va_end(ap);
    return code;
}

void tna_error_format(const tna_error *err, char *buf, size_t size)
{
    if (size == 0)
        return;
    if (err->file[0] == '\0')
        snprintf(buf, size, "%s", err->message);
    else if (err->line <= 0)
        snprintf(buf, size, "%s: %s", err->file, err->message);
    else if (err->col <= 0)
        snprintf(buf, size, "%s:%ld: %s", err->file, err->line, err->message);
    else
        snprintf(buf, size, "%s:%ld:%ld: %s", err->file, err->line, err->col, err->message);
}

const char *tna_strerror(tna_status code)
{
    switch (code) {
    case TNA_OK: return "success";
    case TNA_ERR_USAGE: return "bad usage";
    case TNA_ERR_CONFIG: return "configuration error";
    case TNA_ERR_INPUT: return "input error";
    case TNA_ERR_OUTPUT: return "output error";
    case TNA_ERR_DATA: return "data problems";
    case TNA_ERR_NOMEM: return "out of memory or over a size limit";
    }
    return "unknown error";
}

int tna_status_exit_code(tna_status code)
{
    switch (code) {
    case TNA_OK: return 0;
    case TNA_ERR_DATA: return 1;
    case TNA_ERR_USAGE:
    case TNA_ERR_CONFIG: return 2;
    case TNA_ERR_INPUT:
    case TNA_ERR_OUTPUT:
    case TNA_ERR_NOMEM: return 3;
    }
    return 3;
}

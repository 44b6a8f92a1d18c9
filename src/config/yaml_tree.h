/*
 * yaml_tree.h - a YAML file as a small tree of mappings, sequences and scalars (private to
 * src/config/).
 *
 * libyaml gives a stream of events with 0-based marks, untyped scalars, no duplicate-key
 * check, no nesting limit and aliases that can expand exponentially. tna_yt_parse() turns the
 * events of one document into a tree whose nodes carry 1-based line and column and the file
 * name for messages, and on the way enforces what libyaml does not: TNA_CONFIG_MAX_DEPTH,
 * no anchors or aliases, no tags other than the standard string/map/seq ones, one document
 * per file, no duplicate keys in a mapping. Typing of scalars is left to the caller, helped
 * by tna_yt_is_null(), tna_yt_int() and tna_yt_number(): a quoted (or block, or !!str) scalar is always
 * text.
 *
 * tna_yt_read_file() reads a whole regular file, refusing more than TNA_CONFIG_MAX_BYTES.
 *
 * Memory: the document owns every node and text; tna_yt_doc_free() releases it all. `file` is
 * borrowed and must outlive the document (the loader keeps it in the model's strings).
 */
#ifndef TNA_CONFIG_YAML_TREE_H
#define TNA_CONFIG_YAML_TREE_H

#include <stdbool.h>
#include <stddef.h>

#include "tna/error.h"

typedef enum yt_kind { YT_SCALAR, YT_SEQUENCE, YT_MAPPING } yt_kind;

typedef struct yt_node {
    yt_kind kind;
    bool quoted;      /* scalar: not plain (quoted, block or tagged !!str): always text */
    long line, col;   /* 1-based */
    const char *file; /* borrowed */
    char *text;       /* scalar: NUL-terminated (text may hold NULs before len) */
    size_t len;
    struct yt_node **items; /* sequence: items; mapping: key at 2i, value at 2i+1 */
    size_t n_items;         /* sequence: item count; mapping: 2 * pair count */
} yt_node;

typedef struct yt_doc {
    yt_node *root; /* NULL for an empty file */
    void *nodes;   /* GPtrArray owning every node */
} yt_doc;

/* How tna_yt_read_file() failed. NOT_FILE: a directory, FIFO or device (never waited on). */
typedef enum yt_read_status {
    YT_READ_OK,
    YT_READ_ERRNO,
    YT_READ_TOO_BIG,
    YT_READ_NOT_FILE
} yt_read_status;

/* Reads the file at path into *buf (NUL-terminated, caller g_free()s) and *len. On
 * YT_READ_ERRNO, *errnum is the errno; on YT_READ_TOO_BIG, *len is the size seen. */
yt_read_status tna_yt_read_file(const char *path, char **buf, size_t *len, int *errnum);

/* Parses buf[0..len) into *out (caller frees with tna_yt_doc_free()). On failure *out is NULL
 * and err holds a TNA_ERR_CONFIG at file:line:col. */
tna_status tna_yt_parse(const char *buf, size_t len, const char *file, yt_doc **out, tna_error *err);

void tna_yt_doc_free(yt_doc *doc);

/* A plain scalar `null`, `Null`, `NULL`, `~` or empty: an absent value. */
bool tna_yt_is_null(const yt_node *node);

/* A plain scalar that is a whole number (optional sign, decimal digits). False when it is
 * not, or does not fit a long (*overflow set then, when overflow is not NULL). */
bool tna_yt_int(const yt_node *node, long *out, bool *overflow);

/* A plain scalar that is a finite number (integer or decimal, optional exponent). */
bool tna_yt_number(const yt_node *node, double *out);

/* The value of key in a mapping, NULL when the key is absent. *key_node (may be NULL)
 * receives the key node or NULL. Keys compare exactly. */
const yt_node *tna_yt_map_get(const yt_node *map, const char *key, const yt_node **key_node);

/* "a mapping", "a list" or "'text'"-style description for messages, into buf. */
const char *tna_yt_describe(const yt_node *node, char *buf, size_t size);

#endif

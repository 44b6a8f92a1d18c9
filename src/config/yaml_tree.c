/*
 * yaml_tree.c - libyaml events -> a tree of nodes with marks; see yaml_tree.h.
 *
 * The builder keeps a stack of open collections. A mapping alternates key and value
 * children; while it is open a hash table of its key texts catches duplicate keys. Every
 * node is also appended to doc->nodes, which owns it, so any error path frees the whole
 * partial tree by freeing the document.
 */
#include "yaml_tree.h"

#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "tna/config.h"

/* ---------------------------------------------------------------------------------------- */
/* Reading */

yt_read_status tna_yt_read_file(const char *path, char **buf, size_t *len, int *errnum)
{
    *buf = NULL;
    *len = 0;
    *errnum = 0;
    /* O_NONBLOCK: a FIFO must be refused, not waited on */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        *errnum = errno;
        return YT_READ_ERRNO;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return YT_READ_NOT_FILE;
    }
    if (st.st_size > TNA_CONFIG_MAX_BYTES) {
        *len = (size_t)st.st_size;
        close(fd);
        return YT_READ_TOO_BIG;
    }
    /* Read at most one byte past the cap, so a file growing under us or a pipe is caught. */
    size_t cap = (size_t)TNA_CONFIG_MAX_BYTES + 1, used = 0, alloc = 4096;
    char *data = g_malloc(alloc + 1);
    for (;;) {
        if (used == alloc) {
            alloc = alloc * 2 > cap ? cap : alloc * 2;
            data = g_realloc(data, alloc + 1);
        }
        ssize_t got = read(fd, data + used, alloc - used);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            *errnum = errno;
            g_free(data);
            close(fd);
            return YT_READ_ERRNO;
        }
        if (got == 0)
            break;
        used += (size_t)got;
        if (used >= cap) {
            *len = used;
            g_free(data);
            close(fd);
            return YT_READ_TOO_BIG;
        }
    }
    close(fd);
    data[used] = '\0';
    *buf = data;
    *len = used;
    return YT_READ_OK;
}

/* ---------------------------------------------------------------------------------------- */
/* Nodes */

static void node_free(gpointer p)
{
    yt_node *n = p;
    g_free(n->text);
    g_free(n->items);
    g_free(n);
}

void tna_yt_doc_free(yt_doc *doc)
{
    if (doc == NULL)
        return;
    g_ptr_array_free(doc->nodes, TRUE);
    g_free(doc);
}

/* An open collection on the builder's stack. */
typedef struct open_node {
    yt_node *node;
    GPtrArray *children;
    GHashTable *keys; /* mappings: key text -> key node */
} open_node;

typedef struct builder {
    yt_doc *doc;
    const char *file;
    const char *buf;
    size_t len;
    tna_error *err;
    GArray *stack; /* of open_node */
    int documents;
} builder;

static yt_node *node_new(builder *b, yt_kind kind, const yaml_mark_t *mark)
{
    yt_node *n = g_new0(yt_node, 1);
    n->kind = kind;
    n->line = (long)mark->line + 1;
    n->col = (long)mark->column + 1;
    n->file = b->file;
    g_ptr_array_add(b->doc->nodes, n);
    return n;
}

static tna_status fail(builder *b, long line, long col, const char *fmt, ...) TNA_PRINTF(4, 5);
static tna_status fail(builder *b, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tna_error_setv(b->err, TNA_ERR_CONFIG, b->file, line, col, fmt, ap);
    va_end(ap);
    return TNA_ERR_CONFIG;
}

static tna_status fail_at(builder *b, const yaml_mark_t *m, const char *what)
{
    return fail(b, (long)m->line + 1, (long)m->column + 1, "%s", what);
}

/* Attaches a finished or newly opened node to the collection on top of the stack. */
static tna_status attach(builder *b, yt_node *n)
{
    if (b->stack->len == 0) {
        b->doc->root = n;
        return TNA_OK;
    }
    open_node *top = &g_array_index(b->stack, open_node, b->stack->len - 1);
    if (top->node->kind == YT_MAPPING && top->children->len % 2 == 0) {
        if (n->kind != YT_SCALAR)
            return fail(b, n->line, n->col, "a key must be plain text, not %s",
                        n->kind == YT_MAPPING ? "a mapping" : "a list");
        yt_node *first = g_hash_table_lookup(top->keys, n->text);
        if (first != NULL)
            return fail(b, n->line, n->col, "duplicate key '%s' (first at line %ld)", n->text,
                        first->line);
        g_hash_table_insert(top->keys, n->text, n);
    }
    g_ptr_array_add(top->children, n);
    return TNA_OK;
}

static tna_status open_collection(builder *b, yt_kind kind, const yaml_mark_t *mark)
{
    if (b->stack->len >= TNA_CONFIG_MAX_DEPTH)
        return fail_at(
            b, mark,
            "nested too deeply (the limit is " G_STRINGIFY(TNA_CONFIG_MAX_DEPTH) " levels)");
    yt_node *n = node_new(b, kind, mark);
    tna_status st = attach(b, n);
    if (st != TNA_OK)
        return st;
    open_node o = {n, g_ptr_array_new(), NULL};
    if (kind == YT_MAPPING)
        o.keys = g_hash_table_new(g_str_hash, g_str_equal);
    g_array_append_val(b->stack, o);
    return TNA_OK;
}

static void open_node_clear(gpointer p)
{
    open_node *o = p;
    if (o->children != NULL)
        g_ptr_array_free(o->children, TRUE);
    if (o->keys != NULL)
        g_hash_table_destroy(o->keys);
}

static void close_collection(builder *b)
{
    open_node *top = &g_array_index(b->stack, open_node, b->stack->len - 1);
    guint n = top->children->len;
    top->node->n_items = n;
    top->node->items = (yt_node **)g_ptr_array_free(top->children, FALSE);
    top->children = NULL;
    g_array_set_size(b->stack, b->stack->len - 1); /* clears the key table */
}

/* Tags: only the standard ones that change nothing (or make a scalar text) are accepted. */
static tna_status check_tag(builder *b, const yaml_char_t *tag, const yaml_mark_t *mark,
                            yt_kind kind, bool *text)
{
    if (tag == NULL)
        return TNA_OK;
    const char *t = (const char *)tag;
    if (kind == YT_SCALAR && (strcmp(t, YAML_STR_TAG) == 0 || strcmp(t, "!") == 0)) {
        *text = true;
        return TNA_OK;
    }
    if ((kind == YT_MAPPING && strcmp(t, YAML_MAP_TAG) == 0) ||
        (kind == YT_SEQUENCE && strcmp(t, YAML_SEQ_TAG) == 0))
        return TNA_OK;
    if (strncmp(t, "tag:yaml.org,2002:", 18) == 0)
        return fail(b, (long)mark->line + 1, (long)mark->column + 1, "tag '!!%s' is not supported",
                    t + 18);
    return fail(b, (long)mark->line + 1, (long)mark->column + 1, "tag '%s' is not supported", t);
}

/* A reader error has no mark: count lines and characters up to the offset ourselves. */
static void offset_to_mark(const char *buf, size_t len, size_t offset, long *line, long *col)
{
    long l = 1, c = 1;
    for (size_t i = 0; i < offset && i < len; i++) {
        if (buf[i] == '\n')
            l++, c = 1;
        else if (((unsigned char)buf[i] & 0xC0) != 0x80)
            c++;
    }
    *line = l;
    *col = c;
}

static tna_status syntax_error(builder *b, const yaml_parser_t *p)
{
    if (p->error == YAML_MEMORY_ERROR)
        return tna_error_set(b->err, TNA_ERR_NOMEM, b->file, 0, 0, "out of memory");
    const char *problem = p->problem ? p->problem : "unknown problem";
    if (p->error == YAML_READER_ERROR) {
        long line, col;
        offset_to_mark(b->buf, b->len, p->problem_offset, &line, &col);
        if (p->problem_value != -1)
            return fail(b, line, col, "invalid YAML: %s (#%X)", problem,
                        (unsigned)p->problem_value);
        return fail(b, line, col, "invalid YAML: %s", problem);
    }
    long line = (long)p->problem_mark.line + 1, col = (long)p->problem_mark.column + 1;
    if (p->context != NULL)
        return fail(b, line, col, "invalid YAML: %s (%s at line %ld)", problem, p->context,
                    (long)p->context_mark.line + 1);
    return fail(b, line, col, "invalid YAML: %s", problem);
}

static tna_status on_event(builder *b, const yaml_event_t *ev, bool *done)
{
    const yaml_mark_t *mark = &ev->start_mark;
    switch (ev->type) {
    case YAML_NO_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_DOCUMENT_END_EVENT:
        return TNA_OK;
    case YAML_STREAM_END_EVENT:
        *done = true;
        return TNA_OK;
    case YAML_DOCUMENT_START_EVENT:
        if (++b->documents > 1)
            return fail_at(b, mark, "only one YAML document is allowed in a file");
        return TNA_OK;
    case YAML_ALIAS_EVENT:
        return fail_at(b, mark, "anchors and aliases are not supported");
    case YAML_SCALAR_EVENT: {
        if (ev->data.scalar.anchor != NULL)
            return fail_at(b, mark, "anchors and aliases are not supported");
        bool text = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
        tna_status st = check_tag(b, ev->data.scalar.tag, mark, YT_SCALAR, &text);
        if (st != TNA_OK)
            return st;
        yt_node *n = node_new(b, YT_SCALAR, mark);
        n->quoted = text;
        n->len = ev->data.scalar.length;
        n->text = g_strndup((const char *)ev->data.scalar.value, n->len);
        return attach(b, n);
    }
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT: {
        bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
        const yaml_char_t *anchor =
            seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor;
        const yaml_char_t *tag = seq ? ev->data.sequence_start.tag : ev->data.mapping_start.tag;
        if (anchor != NULL)
            return fail_at(b, mark, "anchors and aliases are not supported");
        bool ignored = false;
        yt_kind kind = seq ? YT_SEQUENCE : YT_MAPPING;
        tna_status st = check_tag(b, tag, mark, kind, &ignored);
        if (st != TNA_OK)
            return st;
        return open_collection(b, kind, mark);
    }
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        close_collection(b);
        return TNA_OK;
    }
    return TNA_OK;
}

tna_status tna_yt_parse(const char *buf, size_t len, const char *file, yt_doc **out, tna_error *err)
{
    *out = NULL;
    builder b = {0};
    b.doc = g_new0(yt_doc, 1);
    b.doc->nodes = g_ptr_array_new_with_free_func(node_free);
    b.file = file;
    b.buf = buf;
    b.len = len;
    b.err = err;
    b.stack = g_array_new(FALSE, TRUE, sizeof(open_node));
    g_array_set_clear_func(b.stack, open_node_clear);

    yaml_parser_t parser;
    tna_status st = TNA_OK;
    if (!yaml_parser_initialize(&parser)) {
        st = tna_error_set(err, TNA_ERR_NOMEM, file, 0, 0, "out of memory");
    } else {
        yaml_parser_set_input_string(&parser, (const unsigned char *)buf, len);
        bool done = false;
        while (st == TNA_OK && !done) {
            yaml_event_t ev;
            if (!yaml_parser_parse(&parser, &ev)) {
                st = syntax_error(&b, &parser);
                break;
            }
            st = on_event(&b, &ev, &done);
            yaml_event_delete(&ev);
        }
        yaml_parser_delete(&parser);
    }
    g_array_free(b.stack, TRUE);
    if (st != TNA_OK) {
        tna_yt_doc_free(b.doc);
        return st;
    }
    *out = b.doc;
    return TNA_OK;
}

/* ---------------------------------------------------------------------------------------- */
/* Typing */

bool tna_yt_is_null(const yt_node *n)
{
    if (n == NULL)
        return true;
    if (n->kind != YT_SCALAR || n->quoted)
        return false;
    return n->len == 0 || strcmp(n->text, "~") == 0 || strcmp(n->text, "null") == 0 ||
           strcmp(n->text, "Null") == 0 || strcmp(n->text, "NULL") == 0;
}

bool tna_yt_int(const yt_node *n, long *out, bool *overflow)
{
    if (overflow != NULL)
        *overflow = false;
    if (n == NULL || n->kind != YT_SCALAR || n->quoted || n->len == 0 || strlen(n->text) != n->len)
        return false;
    const char *p = n->text;
    if (*p == '+' || *p == '-')
        p++;
    if (*p == '\0')
        return false;
    for (const char *q = p; *q; q++)
        if (!g_ascii_isdigit(*q))
            return false;
    errno = 0;
    char *end = NULL;
    long v = strtol(n->text, &end, 10);
    if (errno == ERANGE) {
        if (overflow != NULL)
            *overflow = true;
        return false;
    }
    *out = v;
    return true;
}

bool tna_yt_number(const yt_node *n, double *out)
{
    if (n == NULL || n->kind != YT_SCALAR || n->quoted || n->len == 0 || strlen(n->text) != n->len)
        return false;
    /* Our own grammar first: g_ascii_strtod also takes hex, "inf" and "nan". */
    const char *p = n->text;
    if (*p == '+' || *p == '-')
        p++;
    size_t digits = 0;
    while (g_ascii_isdigit(*p))
        p++, digits++;
    if (*p == '.') {
        p++;
        while (g_ascii_isdigit(*p))
            p++, digits++;
    }
    if (digits == 0)
        return false;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!g_ascii_isdigit(*p))
            return false;
        while (g_ascii_isdigit(*p))
            p++;
    }
    if (*p != '\0')
        return false;
    double v = g_ascii_strtod(n->text, NULL);
    if (!isfinite(v))
        return false;
    *out = v;
    return true;
}

const yt_node *tna_yt_map_get(const yt_node *map, const char *key, const yt_node **key_node)
{
    if (key_node != NULL)
        *key_node = NULL;
    if (map == NULL || map->kind != YT_MAPPING)
        return NULL;
    for (size_t i = 0; i + 1 < map->n_items; i += 2) {
        if (strcmp(map->items[i]->text, key) == 0) {
            if (key_node != NULL)
                *key_node = map->items[i];
            return map->items[i + 1];
        }
    }
    return NULL;
}

const char *tna_yt_describe(const yt_node *n, char *buf, size_t size)
{
    if (n == NULL || tna_yt_is_null(n))
        snprintf(buf, size, "empty");
    else if (n->kind == YT_MAPPING)
        snprintf(buf, size, "a mapping");
    else if (n->kind == YT_SEQUENCE)
        snprintf(buf, size, "a list");
    else if (n->len > 60) {
        int cut = 57; /* on a character boundary, so the message stays valid UTF-8 */
        while (cut > 0 && ((unsigned char)n->text[cut] & 0xC0) == 0x80)
            cut--;
        snprintf(buf, size, "'%.*s...'", cut, n->text);
    } else
        snprintf(buf, size, "'%s'", n->text);
    return buf;
}

/*
 * schema.c - typed access to YAML nodes with precise messages; see config_internal.h.
 *
 * Typing rules (libyaml leaves scalars untyped): a whole number is a plain scalar of digits
 * with an optional sign; a number may add a fraction and an exponent; text is any scalar,
 * plain or quoted (so `version: 2026.1` is the text "2026.1"), but a quoted scalar is never
 * a number. A plain `null`, `~` or empty value counts as absent.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "config_internal.h"
#include "tna/text.h"

/* ---------------------------------------------------------------------------------------- */
/* Errors */

/* Adds a problem to the list (or counts it past the end) and notes the first code. */
static void record(cfg *c, const tna_error *e)
{
    if (c->status == TNA_OK)
        c->status = e->code;
    tna_config_problems *p = c->problems;
    for (size_t i = 0; i < p->n; i++) /* the same problem met twice is one problem */
        if (p->list[i].line == e->line && p->list[i].col == e->col &&
            strcmp(p->list[i].file, e->file) == 0 && strcmp(p->list[i].message, e->message) == 0)
            return;
    if (p->n < TNA_CONFIG_MAX_PROBLEMS)
        p->list[p->n++] = *e;
    else
        p->more++;
}

bool tna_cfg_fail_error(cfg *c, const tna_error *e)
{
    record(c, e);
    return false;
}

bool tna_cfg_fail_at(cfg *c, tna_status code, const char *file, long line, long col, const char *fmt,
                 ...)
{
    tna_error e = TNA_ERROR_INIT;
    va_list ap;
    va_start(ap, fmt);
    tna_error_setv(&e, code, file, line, col, fmt, ap);
    va_end(ap);
    record(c, &e);
    return false;
}

bool tna_cfg_fail(cfg *c, const yt_node *at, const char *fmt, ...)
{
    tna_error e = TNA_ERROR_INIT;
    va_list ap;
    va_start(ap, fmt);
    tna_error_setv(&e, TNA_ERR_CONFIG, at ? at->file : NULL, at ? at->line : 0, at ? at->col : 0,
                   fmt, ap);
    va_end(ap);
    record(c, &e);
    return false;
}

const char *tna_cfg_suggest(const char *word, const char *const *cands, size_t n)
{
    /* Close enough to be a slip: at most 3 edits, at most half the candidate, and fewer
     * than the word's own length ("r" suggests nothing). */
    const char *best = NULL;
    int best_d = 4;
    size_t wlen = strlen(word);
    for (size_t i = 0; i < n; i++) {
        if (cands[i] == NULL)
            continue;
        int d = tna_text_distance(word, cands[i], 3);
        if (d > 3 || (size_t)d > (strlen(cands[i]) + 1) / 2 || (size_t)d >= wlen)
            continue;
        if (d < best_d) {
            best_d = d;
            best = cands[i];
        }
    }
    return best;
}

const char *tna_cfg_did_you_mean(const char *word, const char *const *cands, size_t n, char *buf,
                             size_t size)
{
    const char *s = tna_cfg_suggest(word, cands, n);
    if (s != NULL && strcmp(s, word) != 0)
        snprintf(buf, size, " (did you mean '%s'?)", s);
    else if (size > 0)
        buf[0] = '\0';
    return buf;
}

const char *tna_cfg_unknown_hint(cfg *c, cfg_kind kind, const char *id, char *buf, size_t size)
{
    GArray *a = NULL;
    size_t stride = 0, offset = 0;
    switch (kind) {
    case CFG_FRAMEWORK:
        a = c->frameworks, stride = sizeof(tna_framework), offset = offsetof(tna_framework, id);
        break;
    case CFG_TOPIC:
        a = c->topics, stride = sizeof(tna_topic), offset = offsetof(tna_topic, id);
        break;
    case CFG_SKILL:
        a = c->skills, stride = sizeof(tna_skill), offset = offsetof(tna_skill, id);
        break;
    case CFG_ROLE:
        a = c->roles, stride = sizeof(tna_role), offset = offsetof(tna_role, id);
        break;
    case CFG_AUTHORITY:
        a = c->authorities, stride = sizeof(tna_authority), offset = offsetof(tna_authority, id);
        break;
    case CFG_REGION:
        a = c->regions, stride = sizeof(tna_region), offset = offsetof(tna_region, name);
        break;
    case CFG_BARRIER:
        a = c->barriers, stride = sizeof(tna_barrier), offset = offsetof(tna_barrier, id);
        break;
    }
    const char **ids = g_new(const char *, a->len + 1);
    for (guint i = 0; i < a->len; i++)
        memcpy(&ids[i], a->data + (size_t)i * stride + offset, sizeof(const char *));
    tna_cfg_did_you_mean(id, ids, a->len, buf, size);
    g_free(ids);
    return buf;
}

/* ---------------------------------------------------------------------------------------- */
/* Strings and paths */

const char *tna_cfg_intern(cfg *c, const char *s)
{
    return s ? g_string_chunk_insert_const(c->m->strings, s) : NULL;
}

const char *tna_cfg_key(cfg *c, const char *s)
{
    char *k = tna_text_key(s, -1);
    const char *r = tna_cfg_intern(c, k ? k : "");
    g_free(k);
    return r;
}

char *tna_cfg_resolve(const char *dir, const char *path)
{
    if (g_path_is_absolute(path) || dir == NULL || dir[0] == '\0' || strcmp(dir, ".") == 0)
        return g_strdup(path);
    return g_build_filename(dir, path, NULL);
}

/* The analysis file given is a survey export or a spreadsheet: what to do instead. */
static bool looks_like_export(const char *path, const char *buf, size_t len)
{
    static const char *const exts[] = {".csv", ".tsv", ".txt", ".xlsx", ".xls", ".ods"};
    size_t pl = strlen(path);
    for (size_t i = 0; i < G_N_ELEMENTS(exts); i++) {
        size_t el = strlen(exts[i]);
        if (pl >= el && g_ascii_strcasecmp(path + pl - el, exts[i]) == 0)
            return true;
    }
    if (len >= 4 && memcmp(buf, "PK\x03\x04", 4) == 0)
        return true;
    /* a first line of several delimited cells and no "key:" */
    size_t n = 0, delims = 0;
    bool colon = false;
    for (; n < len && buf[n] != '\n' && buf[n] != '\r'; n++) {
        delims += buf[n] == ',' || buf[n] == ';' || buf[n] == '\t';
        colon |= buf[n] == ':' && (n + 1 == len || buf[n + 1] == ' ' || buf[n + 1] == '\n');
    }
    return delims >= 2 && !colon;
}

static yt_doc *parse_checked(cfg *c, const char *path, const char *buf, size_t len)
{
    yt_doc *doc = NULL;
    tna_error e = TNA_ERROR_INIT;
    tna_status st = tna_yt_parse(buf, len, path, &doc, &e);
    if (st != TNA_OK) {
        tna_cfg_fail_error(c, &e);
        return NULL;
    }
    if (doc->root == NULL || tna_yt_is_null(doc->root)) {
        tna_cfg_fail_at(c, TNA_ERR_CONFIG, path, 0, 0, "the file is empty");
        tna_yt_doc_free(doc);
        return NULL;
    }
    if (doc->root->kind != YT_MAPPING) {
        char d[80];
        tna_cfg_fail(c, doc->root, "the file must hold a mapping of keys, not %s",
                 tna_yt_describe(doc->root, d, sizeof d));
        tna_yt_doc_free(doc);
        return NULL;
    }
    return doc;
}

yt_doc *tna_cfg_load_yaml(cfg *c, const char *path, const yt_node *ref, const char *as_written)
{
    char *buf = NULL;
    size_t len = 0;
    int errnum = 0;
    switch (tna_yt_read_file(path, &buf, &len, &errnum)) {
    case YT_READ_OK:
        break;
    case YT_READ_ERRNO:
        if (ref != NULL)
            tna_cfg_fail(c, ref, "cannot read '%s': %s", as_written, g_strerror(errnum));
        else
            tna_cfg_fail_at(c, TNA_ERR_CONFIG, path, 0, 0, "cannot read: %s", g_strerror(errnum));
        return NULL;
    case YT_READ_NOT_FILE:
        if (ref != NULL)
            tna_cfg_fail(c, ref, "'%s' is not a regular file (a directory, pipe or device)",
                     as_written);
        else
            tna_cfg_fail_at(c, TNA_ERR_CONFIG, path, 0, 0,
                        "not a regular file (a directory, pipe or device): give the path of a "
                        "configuration file");
        return NULL;
    case YT_READ_TOO_BIG:
        tna_cfg_fail_at(c, TNA_ERR_CONFIG, path, 0, 0,
                    "file is too large (%zu bytes; the limit is %ld)", len,
                    (long)TNA_CONFIG_MAX_BYTES);
        return NULL;
    }
    if (ref == NULL && looks_like_export(path, buf, len)) {
        tna_cfg_fail_at(c, TNA_ERR_CONFIG, path, 0, 0,
                    "this looks like a survey export, not a tna configuration: run 'tna init "
                    "%s' to draft a configuration for it, then 'tna run' that configuration",
                    as_written);
        g_free(buf);
        return NULL;
    }
    yt_doc *doc = parse_checked(c, path, buf, len);
    g_free(buf);
    return doc;
}

yt_doc *tna_cfg_parse_yaml(cfg *c, const char *name, const char *data, size_t len)
{
    return parse_checked(c, name, data, len);
}

/* ---------------------------------------------------------------------------------------- */
/* Schema */

static bool expect_kind(cfg *c, const yt_node *n, yt_kind kind, const char *subject)
{
    if (n != NULL && n->kind == kind)
        return true;
    char d[80];
    return tna_cfg_fail(c, n, "%s must be %s, not %s", subject,
                    kind == YT_MAPPING ? "a mapping" : "a list", tna_yt_describe(n, d, sizeof d));
}

bool tna_cfg_expect_map(cfg *c, const yt_node *n, const char *subject)
{
    return expect_kind(c, n, YT_MAPPING, subject);
}

bool tna_cfg_expect_seq(cfg *c, const yt_node *n, const char *subject)
{
    return expect_kind(c, n, YT_SEQUENCE, subject);
}

bool tna_cfg_check_keys(cfg *c, const yt_node *map, const char *const *known)
{
    size_t n_known = 0;
    while (known[n_known] != NULL)
        n_known++;
    bool ok = true;
    for (size_t i = 0; i < map->n_items; i += 2) {
        const yt_node *k = map->items[i];
        bool found = false;
        for (size_t j = 0; j < n_known && !found; j++)
            found = strcmp(k->text, known[j]) == 0;
        if (!found) {
            char hint[128];
            ok = tna_cfg_fail(c, k, "unknown key '%s'%s", k->text,
                          tna_cfg_did_you_mean(k->text, known, n_known, hint, sizeof hint));
        }
    }
    return ok;
}

bool tna_cfg_value(cfg *c, const yt_node *map, const char *key, const char *in, const yt_node **out)
{
    const yt_node *k = NULL;
    const yt_node *v = tna_yt_map_get(map, key, &k);
    *out = NULL;
    if (v != NULL && !tna_yt_is_null(v)) {
        *out = v;
        return true;
    }
    if (in == NULL)
        return true;
    if (k != NULL)
        return tna_cfg_fail(c, k, "'%s' needs a value", key);
    if (in[0] == '\0')
        return tna_cfg_fail(c, map, "missing required key '%s'", key);
    return tna_cfg_fail(c, map, "missing required key '%s' in %s", key, in);
}

bool tna_cfg_scalar_str(cfg *c, const yt_node *v, const char *key, bool nonblank, const char **out)
{
    char d[80];
    if (v == NULL || v->kind != YT_SCALAR || tna_yt_is_null(v))
        return tna_cfg_fail(c, v, "'%s' must be text, not %s", key, tna_yt_describe(v, d, sizeof d));
    if (strlen(v->text) != v->len)
        return tna_cfg_fail(c, v, "'%s' must not contain a NUL character", key);
    if (nonblank && tna_text_blank(v->text, v->len))
        return tna_cfg_fail(c, v, "'%s' must not be blank", key);
    *out = tna_cfg_intern(c, v->text);
    return true;
}

bool tna_cfg_scalar_int(cfg *c, const yt_node *v, const char *key, long min, long max, long *out)
{
    char d[80];
    long x = 0;
    bool overflow = false;
    if (v == NULL || !tna_yt_int(v, &x, &overflow)) {
        if (overflow)
            return tna_cfg_fail(c, v, "'%s' is too large: %s", key, v->text);
        if (v != NULL && v->kind == YT_SCALAR && v->quoted &&
            tna_yt_int(&(yt_node){.kind = YT_SCALAR, .text = v->text, .len = v->len}, &x, NULL))
            return tna_cfg_fail(c, v, "'%s' must be a whole number, not the quoted text %s", key,
                            tna_yt_describe(v, d, sizeof d));
        return tna_cfg_fail(c, v, "'%s' must be a whole number, not %s", key,
                        tna_yt_describe(v, d, sizeof d));
    }
    if (x < min)
        return tna_cfg_fail(c, v, "'%s' must be at least %ld, not %ld", key, min, x);
    if (x > max)
        return tna_cfg_fail(c, v, "'%s' must be at most %ld, not %ld", key, max, x);
    *out = x;
    return true;
}

bool tna_cfg_get_str(cfg *c, const yt_node *map, const char *key, const char *in, const char **out)
{
    const yt_node *v;
    if (!tna_cfg_value(c, map, key, in, &v))
        return false;
    if (v == NULL)
        return true;
    return tna_cfg_scalar_str(c, v, key, in != NULL, out);
}

bool tna_cfg_get_int(cfg *c, const yt_node *map, const char *key, const char *in, long min, long max,
                 int *out, bool *present)
{
    const yt_node *v;
    if (present != NULL)
        *present = false;
    if (!tna_cfg_value(c, map, key, in, &v))
        return false;
    if (v == NULL)
        return true;
    long x;
    if (!tna_cfg_scalar_int(c, v, key, min, max, &x))
        return false;
    *out = (int)x;
    if (present != NULL)
        *present = true;
    return true;
}

bool tna_cfg_get_num(cfg *c, const yt_node *map, const char *key, const char *in, double min,
                 double *out, bool *present)
{
    const yt_node *v;
    if (present != NULL)
        *present = false;
    if (!tna_cfg_value(c, map, key, in, &v))
        return false;
    if (v == NULL)
        return true;
    double x;
    char d[80];
    if (!tna_yt_number(v, &x)) {
        if (v->kind == YT_SCALAR && v->quoted &&
            tna_yt_number(&(yt_node){.kind = YT_SCALAR, .text = v->text, .len = v->len}, &x))
            return tna_cfg_fail(c, v, "'%s' must be a number, not the quoted text %s", key,
                            tna_yt_describe(v, d, sizeof d));
        return tna_cfg_fail(c, v, "'%s' must be a number, not %s", key, tna_yt_describe(v, d, sizeof d));
    }
    if (x < min)
        return tna_cfg_fail(c, v, "'%s' must be at least %g, not %s", key, min, v->text);
    *out = x;
    if (present != NULL)
        *present = true;
    return true;
}

bool tna_cfg_get_str_list(cfg *c, const yt_node *map, const char *key, const char *in,
                      const char ***out, size_t *n, const yt_node **list)
{
    const yt_node *v;
    if (list != NULL)
        *list = NULL;
    if (!tna_cfg_value(c, map, key, in, &v))
        return false;
    if (v == NULL)
        return true;
    char subject[96];
    snprintf(subject, sizeof subject, "'%s'", key);
    if (!tna_cfg_expect_seq(c, v, subject))
        return false;
    if (in != NULL && v->n_items == 0)
        return tna_cfg_fail(c, v, "'%s' must not be empty", key);
    const char **items = g_new0(const char *, v->n_items + 1);
    for (size_t i = 0; i < v->n_items; i++) {
        const yt_node *it = v->items[i];
        char d[80];
        if (it->kind != YT_SCALAR || tna_yt_is_null(it)) {
            g_free(items);
            return tna_cfg_fail(c, it, "each entry of '%s' must be text, not %s", key,
                            tna_yt_describe(it, d, sizeof d));
        }
        if (!tna_cfg_scalar_str(c, it, key, true, &items[i])) {
            g_free(items);
            return false;
        }
    }
    *out = items;
    *n = v->n_items;
    if (list != NULL)
        *list = v;
    return true;
}

bool tna_cfg_get_enum(cfg *c, const yt_node *map, const char *key, const cfg_enum *names, size_t n,
                  int *out, bool *present)
{
    const yt_node *v;
    if (present != NULL)
        *present = false;
    if (!tna_cfg_value(c, map, key, NULL, &v))
        return false;
    if (v == NULL)
        return true;
    char d[80];
    if (v->kind == YT_SCALAR) {
        for (size_t i = 0; i < n; i++) {
            if (g_ascii_strcasecmp(v->text, names[i].name) == 0) {
                *out = names[i].value;
                if (present != NULL)
                    *present = true;
                return true;
            }
        }
    }
    /* "'format' must be wide, long or evaluation, not 'widee' (did you mean 'wide'?)" */
    GString *list = g_string_new(NULL);
    const char **cands = g_new(const char *, n);
    size_t shown = 0, total = 0;
    for (size_t i = 0; i < n; i++)
        total += names[i].shown != NULL;
    for (size_t i = 0; i < n; i++) {
        cands[i] = names[i].name;
        if (names[i].shown == NULL)
            continue;
        if (shown > 0)
            g_string_append(list, shown + 1 == total ? " or " : ", ");
        g_string_append(list, names[i].shown);
        shown++;
    }
    char hint[128] = "";
    if (v->kind == YT_SCALAR) {
        char *lower = g_ascii_strdown(v->text, -1);
        tna_cfg_did_you_mean(lower, cands, n, hint, sizeof hint);
        g_free(lower);
    }
    tna_cfg_fail(c, v, "'%s' must be %s, not %s%s", key, list->str, tna_yt_describe(v, d, sizeof d), hint);
    g_string_free(list, TRUE);
    g_free(cands);
    return false;
}

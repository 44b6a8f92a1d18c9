/*
 * values.c - cell text to meaning.
 *
 * Every matcher works on the matching key (text.h), and the expensive part (key, then a
 * model look-up) runs once per distinct raw text: the result is cached under the raw
 * bytes. A cache stops growing at CACHE_MAX entries so a hostile file full of distinct
 * answers costs time, not memory.
 */
#include <string.h>

#include "ingest_internal.h"
#include "tna/config.h"
#include "tna/text.h"

#define CACHE_BIAS 8
#define CACHE_MAX 20000

void value_cache_init(value_cache *cache)
{
    cache->table = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
}

void value_cache_clear(value_cache *cache)
{
    if (cache->table)
        g_hash_table_destroy(cache->table);
    cache->table = NULL;
}

static bool cache_get(value_cache *cache, const char *text, int *value)
{
    gpointer v = g_hash_table_lookup(cache->table, text);
    if (v == NULL)
        return false;
    *value = GPOINTER_TO_INT(v) - CACHE_BIAS;
    return true;
}

static void cache_put(value_cache *cache, const char *text, int value)
{
    if (g_hash_table_size(cache->table) < CACHE_MAX)
        g_hash_table_insert(cache->table, g_strdup(text), GINT_TO_POINTER(value + CACHE_BIAS));
}

typedef uint32_t (*find_fn)(const tna_model *, const char *);

static int match_named(const tna_model *model, value_cache *cache, const char *text, find_fn find)
{
    int v;
    if (cache_get(cache, text, &v))
        return v;
    if (tna_text_blank(text, strlen(text))) {
        v = MATCH_BLANK;
    } else {
        char *key = tna_text_key(text, -1);
        if (key == NULL) {
            v = MATCH_INVALID;
        } else {
            uint32_t i = find(model, key);
            v = i == TNA_NONE ? MATCH_UNKNOWN : (int)i;
            g_free(key);
        }
    }
    cache_put(cache, text, v);
    return v;
}

int match_authority(const tna_model *model, value_cache *cache, const char *text)
{
    return match_named(model, cache, text, tna_model_find_authority);
}

int match_role(const tna_model *model, value_cache *cache, const char *text)
{
    return match_named(model, cache, text, tna_model_find_role);
}

int match_level(const tna_model *model, uint32_t framework, value_cache *cache, const char *text)
{
    int v;
    if (cache_get(cache, text, &v))
        return v;
    char *key = tna_text_key(text, -1);
    v = key == NULL ? TNA_ANSWER_UNKNOWN : tna_model_find_level(model, framework, key);
    g_free(key);
    cache_put(cache, text, v);
    return v;
}

/* True when key equals one of the NULL-terminated words. */
static bool key_in(const char *key, const char *const *words)
{
    for (; *words; words++)
        if (strcmp(key, *words) == 0)
            return true;
    return false;
}

tna_yesno match_yesno(const char *text)
{
    static const char *const yes[] = {"yes", "y", "true", "1", "do", "ydw", "ie", "oes", "wedi", NULL};
    static const char *const no[] = {"no", "n", "false", "0", "naddo", "na", "nac ydw", "nac oes", "nid", NULL};
    char *key = tna_text_key(text, -1);
    tna_yesno r = TNA_YESNO_UNKNOWN;
    if (key && key_in(key, yes))
        r = TNA_YES;
    else if (key && key_in(key, no))
        r = TNA_NO;
    g_free(key);
    return r;
}

int match_rater(const char *text)
{
    static const char *const self[] = {"self", "self assessment", "self-assessment", "hunan",
                                       "hunanasesiad", "staff", "employee", NULL};
    static const char *const manager[] = {"manager", "line manager", "rheolwr",
                                          "rheolwr llinell", "supervisor", NULL};
    if (tna_text_blank(text, strlen(text)))
        return MATCH_BLANK;
    char *key = tna_text_key(text, -1);
    int r = MATCH_UNKNOWN;
    if (key && key_in(key, self))
        r = TNA_RATER_SELF;
    else if (key && key_in(key, manager))
        r = TNA_RATER_MANAGER;
    g_free(key);
    return r;
}

tna_medium match_medium(const char *text)
{
    static const char *const welsh[] = {"welsh", "cymraeg", "welsh-medium", "welsh medium",
                                        "in welsh", "yn gymraeg", "cy", NULL};
    static const char *const english[] = {"english", "saesneg", "english-medium",
                                          "english medium", "in english", "yn saesneg", "en", NULL};
    static const char *const either[] = {"either", "both", "no preference", "dim ots",
                                         "y naill neu'r llall", "unrhyw un", "bilingual",
                                         "dwyieithog", NULL};
    char *key = tna_text_key(text, -1);
    tna_medium r = TNA_MEDIUM_UNKNOWN;
    if (key && key_in(key, welsh))
        r = TNA_MEDIUM_WELSH;
    else if (key && key_in(key, english))
        r = TNA_MEDIUM_ENGLISH;
    else if (key && key_in(key, either))
        r = TNA_MEDIUM_EITHER;
    g_free(key);
    return r;
}

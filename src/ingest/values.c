/*
 * values.c - cell text to meaning.
 *
 * Every matcher works on the matching key (text.h), and the expensive part (key, then a
 * model look-up) runs once per distinct raw text: the result is cached under the raw
 * bytes. A cache stops growing at CACHE_MAX entries so a hostile file full of distinct
 * answers costs time, not memory.
 *
 * Blank means an empty matching key, so a cell of white space the key folds away (a
 * no-break space, as spreadsheets write) is blank everywhere, as it already is for levels.
 */
#include <string.h>

#include "ingest_internal.h"
#include "tna/config.h"
#include "tna/text.h"

#define CACHE_MAX 20000

void value_cache_init(value_cache *cache)
{
    cache->mask = 63;
    cache->used = 0;
    cache->slots = g_new0(cache_slot, cache->mask + 1);
}

void value_cache_clear(value_cache *cache)
{
    for (size_t i = 0; cache->slots && i <= cache->mask; i++)
        g_free(cache->slots[i].text);
    g_free(cache->slots);
    cache->slots = NULL;
}

/* A cheap hash of the length and the first and last eight bytes: answers are short and the
 * table is verified with memcmp, so a collision costs a probe, not a wrong answer. */
static uint32_t hash_text(const char *s, size_t *len)
{
    size_t n = strlen(s);
    uint64_t head = 0, tail = 0;
    memcpy(&head, s, n < 8 ? n : 8);
    if (n > 8)
        memcpy(&tail, s + n - 8, 8);
    uint64_t h = (head * 0x9E3779B97F4A7C15ull) ^ (tail * 0xC2B2AE3D27D4EB4Full) ^ n;
    *len = n;
    return (uint32_t)(h >> 29) ^ (uint32_t)h;
}

static cache_slot *cache_find(value_cache *cache, const char *text, uint32_t hash, size_t len)
{
    for (size_t i = hash & cache->mask;; i = (i + 1) & cache->mask) {
        cache_slot *slot = &cache->slots[i];
        if (slot->text == NULL ||
            (slot->hash == hash && slot->len == len && memcmp(slot->text, text, len) == 0))
            return slot;
    }
}

bool value_cache_get(value_cache *cache, const char *text, int64_t *value)
{
    size_t len;
    uint32_t h = hash_text(text, &len);
    cache_slot *slot = cache_find(cache, text, h, len);
    if (slot->text == NULL)
        return false;
    *value = slot->value;
    return true;
}

void value_cache_put(value_cache *cache, const char *text, int64_t value)
{
    if (cache->used >= CACHE_MAX)
        return;
    if (2 * (cache->used + 1) > cache->mask + 1) { /* keep the table at most half full */
        value_cache bigger = {g_new0(cache_slot, 2 * (cache->mask + 1)), 2 * cache->mask + 1,
                              cache->used};
        for (size_t i = 0; i <= cache->mask; i++)
            if (cache->slots[i].text)
                *cache_find(&bigger, cache->slots[i].text, cache->slots[i].hash,
                            cache->slots[i].len) = cache->slots[i];
        g_free(cache->slots);
        *cache = bigger;
    }
    size_t len;
    uint32_t h = hash_text(text, &len);
    cache_slot *slot = cache_find(cache, text, h, len);
    if (slot->text)
        return;
    slot->text = g_strndup(text, len);
    slot->len = (uint32_t)len;
    slot->hash = h;
    slot->value = value;
    cache->used++;
}

typedef uint32_t (*find_fn)(const tna_model *, const char *);

static int match_named(const tna_model *model, value_cache *cache, const char *text, find_fn find)
{
    int64_t cached;
    if (value_cache_get(cache, text, &cached))
        return (int)cached;
    int v;
    if (tna_text_blank(text, strlen(text))) {
        v = MATCH_BLANK;
    } else {
        char *key = tna_text_key(text, -1);
        if (key == NULL) {
            v = MATCH_INVALID;
        } else if (key[0] == '\0') {
            v = MATCH_BLANK;
            g_free(key);
        } else {
            uint32_t i = find(model, key);
            v = i == TNA_NONE ? MATCH_UNKNOWN : (int)i;
            g_free(key);
        }
    }
    value_cache_put(cache, text, v);
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
    int64_t cached;
    if (value_cache_get(cache, text, &cached))
        return (int)cached;
    int v;
    char *key = tna_text_key(text, -1);
    v = key == NULL ? TNA_ANSWER_UNKNOWN : tna_model_find_level(model, framework, key);
    g_free(key);
    value_cache_put(cache, text, v);
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
    if (key && key[0] == '\0')
        r = MATCH_BLANK;
    else if (key && key_in(key, self))
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

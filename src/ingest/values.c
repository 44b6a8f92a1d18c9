/*
 * values.c - cell text to meaning, once per distinct text.
 *
 * What an answer means is for answers.h to say; the expensive part (a matching key, then
 * look-ups) runs once per distinct raw text per file: the result is cached under the raw
 * bytes. A cache stops growing at CACHE_MAX entries so a hostile file full of distinct
 * answers costs time, not memory.
 */
#include <string.h>

#include "ingest_internal.h"
#include "tna/answers.h"

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

int tna_value_match(const tna_model *model, uint32_t source, tna_field field, uint32_t framework,
                value_cache *cache, const char *text)
{
    int64_t cached;
    if (value_cache_get(cache, text, &cached))
        return (int)cached;
    int v = tna_answer_match(model, source, field, framework, text);
    value_cache_put(cache, text, v);
    return v;
}

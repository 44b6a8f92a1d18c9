/*
 * values.c - cell text to meaning, once per distinct text.
 *
 * What an answer means is for answers.h to say; the expensive part (a matching key, then
 * look-ups) runs once per distinct raw text per file and worker: the result is cached under
 * the raw bytes, and each miss is counted (value_cache.matched, summed into the source's
 * answers_matched) so a test can see it. A cache stops growing at CACHE_MAX entries so a
 * hostile file full of distinct answers costs time, not memory.
 */
#include <string.h>

#include "reader.h"
#include "tna/answers.h"

#define CACHE_MAX 20000

void tna_value_cache_init(value_cache *cache)
{
    cache->mask = 63;
    cache->used = 0;
    cache->matched = 0;
    cache->slots = g_new0(cache_slot, cache->mask + 1);
}

void tna_value_cache_clear(value_cache *cache)
{
    for (size_t i = 0; cache->slots && i <= cache->mask; i++)
        g_free(cache->slots[i].text);
    g_free(cache->slots);
    cache->slots = NULL;
}

void tna_value_cache_put(value_cache *cache, const char *text, size_t len, int64_t value)
{
    if (cache->used >= CACHE_MAX)
        return;
    if (2 * (cache->used + 1) > cache->mask + 1) { /* keep the table at most half full */
        value_cache bigger = {g_new0(cache_slot, 2 * (cache->mask + 1)), 2 * cache->mask + 1,
                              cache->used, cache->matched};
        for (size_t i = 0; i <= cache->mask; i++) {
            const cache_slot *old = &cache->slots[i];
            if (old->text)
                *cache_slot_of(&bigger, old->text, old->len, old->head, old->tail, old->hash) =
                    *old;
        }
        g_free(cache->slots);
        *cache = bigger;
    }
    uint64_t head, tail;
    cache_words(text, len, &head, &tail);
    uint32_t hash = cache_hash(head, tail, len);
    cache_slot *slot = cache_slot_of(cache, text, len, head, tail, hash);
    if (slot->text)
        return;
    slot->text = g_strndup(text, len);
    slot->len = (uint32_t)len;
    slot->hash = hash;
    slot->head = head;
    slot->tail = tail;
    slot->value = value;
    cache->used++;
}

int tna_value_match(const tna_model *model, uint32_t source, tna_field field, uint32_t framework,
                    value_cache *cache, const char *text, size_t len)
{
    int64_t cached;
    if (value_cache_get(cache, text, len, &cached))
        return (int)cached;
    int v = tna_answer_match(model, source, field, framework, text);
    cache->matched++;
    tna_value_cache_put(cache, text, len, v);
    return v;
}

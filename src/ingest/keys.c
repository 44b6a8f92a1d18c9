/*
 * keys.c - respondent keys to dense numbers, in the order they were first seen.
 *
 * One run reads a million staff numbers or more, each looked up once when the workers of a
 * file are joined (ingest_read.c), so this is an open-addressing table tuned for that: a
 * slot is one 64-bit word, the key's 32-bit hash above its number, so a probe compares
 * hashes without touching the key; keys live one after another in one buffer, each after
 * its length; the hash is worked out by the worker that read the key, on its own core, and
 * the join looks up a run of keys with the slots of the next ones already being fetched
 * (tna_keyset_prefetch). Numbers may also be given without a key (a row without a staff
 * number is a respondent of its own).
 */
#include <string.h>

#include "ingest_internal.h"

#define MAX_LOAD_NUM 3 /* the table is grown past 3/4 full */
#define MAX_LOAD_DEN 4

uint32_t tna_keyset_hash(const char *key, size_t len)
{
    /* FNV-1a over 8-byte words, then a finaliser: keys are short (staff numbers, emails) */
    uint64_t h = 0xCBF29CE484222325u ^ len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, key + i, 8);
        h = (h ^ w) * 0x100000001B3u;
    }
    uint64_t tail = 0;
    memcpy(&tail, key + i, len - i);
    h = (h ^ tail) * 0x100000001B3u;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDu;
    h ^= h >> 33;
    return (uint32_t)h;
}

void tna_keyset_init(tna_keyset *k)
{
    memset(k, 0, sizeof *k);
    k->mask = 1023;
    k->slots = g_new0(uint64_t, k->mask + 1);
}

void tna_keyset_clear(tna_keyset *k)
{
    g_free(k->slots);
    g_free(k->text);
    g_free(k->at);
    memset(k, 0, sizeof *k);
}

/* The key of number id: its bytes and length; false for a number without one. */
static bool key_of(const tna_keyset *k, uint32_t id, const char **key, size_t *len)
{
    uint64_t at = k->at[id];
    if (at == UINT64_MAX)
        return false;
    const unsigned char *p = (const unsigned char *)k->text + at;
    if (p[0] < 255) {
        *len = p[0];
        *key = (const char *)p + 1;
    } else {
        uint32_t n;
        memcpy(&n, p + 1, 4);
        *len = n;
        *key = (const char *)p + 5;
    }
    return true;
}

static void put_slot(tna_keyset *k, uint64_t slot)
{
    size_t i = (size_t)(slot >> 32) & k->mask;
    while (k->slots[i] != 0)
        i = (i + 1) & k->mask;
    k->slots[i] = slot;
}

static void grow_slots(tna_keyset *k, size_t keys)
{
    size_t size = k->mask + 1;
    while (keys * MAX_LOAD_DEN >= size * MAX_LOAD_NUM)
        size *= 2;
    if (size == k->mask + 1)
        return;
    uint64_t *old = k->slots;
    size_t old_size = k->mask + 1;
    k->slots = g_new0(uint64_t, size);
    k->mask = size - 1;
    for (size_t i = 0; i < old_size; i++)
        if (old[i] != 0)
            put_slot(k, old[i]);
    g_free(old);
}

void tna_keyset_reserve(tna_keyset *k, size_t more)
{
    grow_slots(k, k->n_keyed + more);
}

static uint32_t new_id(tna_keyset *k, uint64_t at)
{
    if (k->n == k->cap) {
        k->cap = k->cap ? k->cap * 2 : 1024;
        k->at = g_renew(uint64_t, k->at, k->cap);
    }
    k->at[k->n] = at;
    return (uint32_t)k->n++;
}

uint32_t tna_keyset_anonymous(tna_keyset *k)
{
    return new_id(k, UINT64_MAX);
}

void tna_keyset_prefetch(const tna_keyset *k, uint32_t hash)
{
    __builtin_prefetch(&k->slots[hash & k->mask]);
}

uint32_t tna_keyset_add(tna_keyset *k, const char *key, size_t len, uint32_t hash)
{
    size_t i = hash & k->mask;
    for (uint64_t slot; (slot = k->slots[i]) != 0; i = (i + 1) & k->mask) {
        if ((uint32_t)(slot >> 32) != hash)
            continue;
        uint32_t id = (uint32_t)slot - 1;
        const char *other;
        size_t other_len;
        if (key_of(k, id, &other, &other_len) && other_len == len && memcmp(other, key, len) == 0)
            return id;
    }
    size_t head = len < 255 ? 1 : 5;
    if (k->text_len + head + len > k->text_cap) {
        while (k->text_len + head + len > k->text_cap)
            k->text_cap = k->text_cap ? k->text_cap * 2 : 16384;
        k->text = g_realloc(k->text, k->text_cap);
    }
    unsigned char *p = (unsigned char *)k->text + k->text_len;
    if (len < 255) {
        p[0] = (unsigned char)len;
    } else {
        uint32_t n = (uint32_t)len;
        p[0] = 255;
        memcpy(p + 1, &n, 4);
    }
    memcpy(p + head, key, len);
    uint32_t id = new_id(k, k->text_len);
    k->text_len += head + len;
    k->slots[i] = (uint64_t)hash << 32 | ((uint64_t)id + 1);
    k->n_keyed++;
    if (k->n_keyed * MAX_LOAD_DEN >= (k->mask + 1) * MAX_LOAD_NUM)
        grow_slots(k, k->n_keyed);
    return id;
}

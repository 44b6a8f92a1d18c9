/*
 * keys.c - respondent keys to dense numbers, in the order they were first seen.
 *
 * One run reads a million staff numbers or more, each looked up once when the workers of a
 * file are joined (ingest_read.c), so this is an open-addressing table tuned for that. A
 * slot is 16 bytes: the number, the key's hash, and the key itself when it has at most 7
 * bytes (a staff number; its length in the last byte), else where the key is in `text`,
 * after its length. So a look-up reads one slot, and a short key is compared as one word.
 * The hash is worked out by the worker that read the key, on its own core, and the join
 * fetches the slots of the next keys while it numbers one (tna_keyset_prefetch). The table
 * is at most 3/4 full and of any size (a hash is mapped to a slot by multiplying), so a
 * million keys take about 21 MB. Numbers may also be given without a key (a row without a
 * staff number is a respondent of its own): they take no slot.
 */
#include <string.h>

#include "reader.h"

#define INLINE_MAX 7            /* longest key kept in its slot */
#define INLINE     (1ull << 63) /* the slot's word holds the key, its length in the top byte */
#define MIN_SLOTS  1024

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

/* The word a key of at most INLINE_MAX bytes is kept as. */
static uint64_t inline_word(const char *key, size_t len)
{
    uint64_t w = 0;
    memcpy(&w, key, len);
    return w | (uint64_t)len << 56 | INLINE;
}

static size_t home(const tna_keyset *k, uint32_t hash)
{
    return (size_t)(((uint64_t)hash * k->n_slots) >> 32);
}

void tna_keyset_init(tna_keyset *k)
{
    memset(k, 0, sizeof *k);
    k->n_slots = MIN_SLOTS;
    k->slots = g_new0(tna_key_slot, k->n_slots);
}

void tna_keyset_clear(tna_keyset *k)
{
    g_free(k->slots);
    g_free(k->text);
    memset(k, 0, sizeof *k);
}

static void put_slot(tna_keyset *k, tna_key_slot slot)
{
    size_t i = home(k, slot.hash);
    while (k->slots[i].id1 != 0)
        i = i + 1 < k->n_slots ? i + 1 : 0;
    k->slots[i] = slot;
}

void tna_keyset_reserve(tna_keyset *k, size_t more)
{
    size_t keys = k->n_keyed + more, size = k->n_slots;
    while (keys * 4 >= size * 3)
        size = size + size / 2 + 1;
    if (size == k->n_slots)
        return;
    tna_key_slot *old = k->slots;
    size_t old_size = k->n_slots;
    k->slots = g_new0(tna_key_slot, size);
    k->n_slots = size;
    for (size_t i = 0; i < old_size; i++)
        if (old[i].id1 != 0)
            put_slot(k, old[i]);
    g_free(old);
}

uint32_t tna_keyset_anonymous(tna_keyset *k)
{
    return (uint32_t)k->n++;
}

void tna_keyset_prefetch(const tna_keyset *k, uint32_t hash)
{
    __builtin_prefetch(&k->slots[home(k, hash)]);
}

/* Whether the slot holds key (len bytes; word: its inline word, when short). */
static bool holds(const tna_keyset *k, const tna_key_slot *s, const char *key, size_t len,
                  uint64_t word)
{
    if (len <= INLINE_MAX)
        return s->key == word;
    if (s->key & INLINE)
        return false;
    uint32_t n;
    memcpy(&n, k->text + s->key, 4);
    return n == len && memcmp(k->text + s->key + 4, key, len) == 0;
}

uint32_t tna_keyset_add(tna_keyset *k, const char *key, size_t len, uint32_t hash)
{
    uint64_t word = len <= INLINE_MAX ? inline_word(key, len) : 0;
    size_t i = home(k, hash);
    for (; k->slots[i].id1 != 0; i = i + 1 < k->n_slots ? i + 1 : 0) {
        const tna_key_slot *s = &k->slots[i];
        if (s->hash == hash && holds(k, s, key, len, word))
            return s->id1 - 1;
    }
    if (len > INLINE_MAX) {
        if (k->text_len + 4 + len > k->text_cap) {
            while (k->text_len + 4 + len > k->text_cap)
                k->text_cap = k->text_cap ? k->text_cap * 2 : 16384;
            k->text = g_realloc(k->text, k->text_cap);
        }
        uint32_t n = (uint32_t)len;
        memcpy(k->text + k->text_len, &n, 4);
        memcpy(k->text + k->text_len + 4, key, len);
        word = k->text_len;
        k->text_len += 4 + len;
    }
    uint32_t id = (uint32_t)k->n++;
    k->slots[i] = (tna_key_slot){id + 1, hash, word};
    k->n_keyed++;
    if (k->n_keyed * 4 >= k->n_slots * 3)
        tna_keyset_reserve(k, 0);
    return id;
}

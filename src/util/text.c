/* text.c - matching keys; see include/tna/text.h. */
#include "tna/text.h"

#include <glib.h>
#include <string.h>

static bool is_space_char(gunichar c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x202F ||
           c == 0x2007 || c == '\f' || c == '\v';
}

char *tna_text_key(const char *s, long len)
{
    size_t n = len < 0 ? strlen(s) : (size_t)len;
    if (!g_utf8_validate_len(s, n, NULL))
        return NULL;

    /* Fold white space first (on the raw text), so casefolding sees the final spacing. */
    GString *folded = g_string_sized_new(n + 1);
    bool pending_space = false;
    for (const char *p = s; p < s + n; p = g_utf8_next_char(p)) {
        gunichar c = g_utf8_get_char(p);
        if (is_space_char(c)) {
            pending_space = folded->len > 0;
            continue;
        }
        if (pending_space)
            g_string_append_c(folded, ' ');
        pending_space = false;
        g_string_append_unichar(folded, c);
    }

    /* Casefold the decomposed form, then compose: "ô" and "o" + U+0302 end up equal. */
    char *nfd = g_utf8_normalize(folded->str, (gssize)folded->len, G_NORMALIZE_NFD);
    g_string_free(folded, TRUE);
    if (nfd == NULL)
        return NULL;
    char *cf = g_utf8_casefold(nfd, -1);
    g_free(nfd);
    char *key = g_utf8_normalize(cf, -1, G_NORMALIZE_NFC);
    g_free(cf);
    return key;
}

bool tna_text_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return false;
    return true;
}

int tna_text_distance(const char *a, const char *b, int cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if ((la > lb ? la - lb : lb - la) > (size_t)cap)
        return cap + 1;
    int *prev = g_new(int, lb + 1), *cur = g_new(int, lb + 1);
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (int)j;
    for (size_t i = 1; i <= la; i++) {
        cur[0] = (int)i;
        for (size_t j = 1; j <= lb; j++) {
            int sub = prev[j - 1] + (a[i - 1] != b[j - 1]);
            int del = prev[j] + 1, ins = cur[j - 1] + 1;
            cur[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
        }
        int *t = prev;
        prev = cur;
        cur = t;
    }
    int d = prev[lb];
    g_free(prev);
    g_free(cur);
    return d > cap ? cap + 1 : d;
}

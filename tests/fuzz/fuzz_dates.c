/*
 * fuzz_dates.c - the date parser and the column sniffer (include/tna/dates.h) on any text.
 * Each line of the input is a value: it is parsed in every format, then all of them are
 * offered to a sniffer. Checks the promises that tie the formats together: day-first and
 * month-first also read every ISO date, to the same second; a value either reading accepts
 * counts for it in the sniffer; the verdict agrees with the counts.
 */
#include <string.h>

#include "fuzz.h"
#include "tna/dates.h"

static void one_value(const char *s, size_t len, long line, tna_date_sniff *sniff)
{
    int64_t iso = 0, dmy = 0, mdy = 0;
    bool is_iso = tna_date_parse(s, len, TNA_DATE_ISO, &iso);
    bool is_dmy = tna_date_parse(s, len, TNA_DATE_DMY, &dmy);
    bool is_mdy = tna_date_parse(s, len, TNA_DATE_MDY, &mdy);
    FUZZ_ASSERT(!is_iso || (is_dmy && dmy == iso));
    FUZZ_ASSERT(!is_iso || (is_mdy && mdy == iso));
    /* parsing without a result gives the same answer */
    FUZZ_ASSERT(tna_date_parse(s, len, TNA_DATE_ISO, NULL) == is_iso);
    tna_date_sniff before = *sniff;
    tna_date_sniff_add(sniff, s, len, line);
    FUZZ_ASSERT(sniff->iso_ok == before.iso_ok + is_iso);
    FUZZ_ASSERT(sniff->dmy_ok == before.dmy_ok + is_dmy);
    FUZZ_ASSERT(sniff->mdy_ok == before.mdy_ok + is_mdy);
    FUZZ_ASSERT(sniff->any_ok == before.any_ok + (is_iso || is_dmy || is_mdy));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    tna_date_sniff sniff = {0};
    long line = 0;
    for (size_t at = 0; at < size;) {
        const uint8_t *end = memchr(data + at, '\n', size - at);
        size_t len = end ? (size_t)(end - (data + at)) : size - at;
        char *value = g_memdup2(data + at, len); /* exact size: overreads are caught */
        one_value(value, len, ++line, &sniff);
        g_free(value);
        at += len + 1;
    }
    tna_date_verdict v = tna_date_sniff_verdict(&sniff);
    FUZZ_ASSERT(sniff.any_ok > 0 || v == TNA_DATE_VERDICT_NONE);
    if (v == TNA_DATE_VERDICT_ISO)
        FUZZ_ASSERT(sniff.iso_ok == sniff.any_ok);
    if (v == TNA_DATE_VERDICT_AMBIGUOUS)
        FUZZ_ASSERT(sniff.dmy_ok == sniff.any_ok && sniff.mdy_ok == sniff.any_ok);
    if (v == TNA_DATE_VERDICT_DMY)
        FUZZ_ASSERT(sniff.dmy_ok >= sniff.mdy_ok);
    if (v == TNA_DATE_VERDICT_MDY)
        FUZZ_ASSERT(sniff.mdy_ok >= sniff.dmy_ok);
    return 0;
}

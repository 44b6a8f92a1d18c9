/* dq_words.c - the words of a data-quality reason code, from the glossary; see labels.h. */
#include <glib.h>
#include <string.h>

#include "labels.h"

/* Each code: its stable name (the data-quality CSV's `code`), its words, and the words of its
 * kind where the detail varies by entry (a skill id, numbers), TNA_TERM_COUNT where the words
 * are the kind. The unreadable date's words depend on its detail (dq_date_term). */
static const struct {
    const char *code;
    tna_term words, kind;
} reasons[TNA_DQ_REASON_COUNT] = {
    [TNA_DQ_NO_FILE] = {"no_file", TERM_DQ_NO_FILE, TNA_TERM_COUNT},
    [TNA_DQ_ENCODING_GUESSED] = {"encoding_guessed", TERM_DQ_ENCODING_GUESSED, TNA_TERM_COUNT},
    [TNA_DQ_ROWS_COUNTED] = {"rows_counted", TERM_DQ_ROWS_COUNTED, TNA_TERM_COUNT},
    [TNA_DQ_ROW_EXCLUDED] = {"row_excluded", TERM_DQ_ROW_EXCLUDED, TNA_TERM_COUNT},
    [TNA_DQ_NO_COLUMN] = {"no_column", TERM_DQ_NO_COLUMN, TNA_TERM_COUNT},
    [TNA_DQ_NO_SKILL_COLUMN] = {"no_skill_column", TERM_DQ_NO_SKILL_COLUMN,
                                TERM_DQ_NO_SKILL_COLUMN_ANY},
    [TNA_DQ_BARRIER_OPTION_UNMATCHED] = {"barrier_option_unmatched",
                                         TERM_DQ_BARRIER_OPTION_UNMATCHED, TNA_TERM_COUNT},
    [TNA_DQ_EMPTY_ROW] = {"empty_row", TERM_DQ_EMPTY_ROW, TNA_TERM_COUNT},
    [TNA_DQ_SHORT_ROW] = {"short_row", TERM_DQ_SHORT_ROW, TERM_DQ_SHORT_ROW_ANY},
    [TNA_DQ_RESPONDENT_NOT_TEXT] = {"respondent_not_text", TERM_DQ_RESPONDENT_NOT_TEXT,
                                    TNA_TERM_COUNT},
    [TNA_DQ_AUTHORITY_NOT_TEXT] = {"authority_not_text", TERM_DQ_AUTHORITY_NOT_TEXT,
                                   TNA_TERM_COUNT},
    [TNA_DQ_ROLE_NOT_TEXT] = {"role_not_text", TERM_DQ_ROLE_NOT_TEXT, TNA_TERM_COUNT},
    [TNA_DQ_NO_AUTHORITY] = {"no_authority", TERM_DQ_NO_AUTHORITY, TNA_TERM_COUNT},
    [TNA_DQ_UNKNOWN_AUTHORITY] = {"unknown_authority", TERM_DQ_UNKNOWN_AUTHORITY, TNA_TERM_COUNT},
    [TNA_DQ_NO_ROLE] = {"no_role", TERM_DQ_NO_ROLE, TNA_TERM_COUNT},
    [TNA_DQ_UNKNOWN_ROLE] = {"unknown_role", TERM_DQ_UNKNOWN_ROLE, TNA_TERM_COUNT},
    [TNA_DQ_UNKNOWN_SKILL] = {"unknown_skill", TERM_DQ_UNKNOWN_SKILL, TNA_TERM_COUNT},
    [TNA_DQ_UNKNOWN_TOPIC] = {"unknown_topic", TERM_DQ_UNKNOWN_TOPIC, TNA_TERM_COUNT},
    [TNA_DQ_NO_COURSE] = {"no_course", TERM_DQ_NO_COURSE, TNA_TERM_COUNT},
    [TNA_DQ_SKILL_NOT_TEXT] = {"skill_not_text", TERM_DQ_SKILL_NOT_TEXT,
                               TERM_DQ_SKILL_NOT_TEXT_ANY},
    [TNA_DQ_SKILL_UNRECOGNISED] = {"skill_unrecognised", TERM_DQ_SKILL_UNRECOGNISED,
                                   TERM_DQ_SKILL_UNRECOGNISED_ANY},
    [TNA_DQ_LEVEL_UNRECOGNISED] = {"level_unrecognised", TERM_DQ_LEVEL_UNRECOGNISED,
                                   TNA_TERM_COUNT},
    [TNA_DQ_ANSWER_NOT_TEXT] = {"answer_not_text", TERM_DQ_ANSWER_NOT_TEXT, TNA_TERM_COUNT},
    [TNA_DQ_YES_NO_UNRECOGNISED] = {"yes_no_unrecognised", TERM_DQ_YES_NO_UNRECOGNISED,
                                    TNA_TERM_COUNT},
    [TNA_DQ_LANGUAGE_UNRECOGNISED] = {"language_unrecognised", TERM_DQ_LANGUAGE_UNRECOGNISED,
                                      TNA_TERM_COUNT},
    [TNA_DQ_RATER_UNRECOGNISED] = {"rater_unrecognised", TERM_DQ_RATER_UNRECOGNISED,
                                   TNA_TERM_COUNT},
    [TNA_DQ_SATISFACTION_UNRECOGNISED] = {"satisfaction_unrecognised",
                                          TERM_DQ_SATISFACTION_UNRECOGNISED, TNA_TERM_COUNT},
    [TNA_DQ_BARRIERS_NOT_TEXT] = {"barriers_not_text", TERM_DQ_BARRIERS_NOT_TEXT, TNA_TERM_COUNT},
    [TNA_DQ_BARRIERS_TOO_MANY] = {"barriers_too_many", TERM_DQ_BARRIERS_TOO_MANY, TNA_TERM_COUNT},
    [TNA_DQ_BARRIER_UNMATCHED] = {"barrier_unmatched", TERM_DQ_BARRIER_UNMATCHED, TNA_TERM_COUNT},
    [TNA_DQ_DATE_NOT_TEXT] = {"date_not_text", TERM_DQ_DATE_NOT_TEXT, TNA_TERM_COUNT},
    [TNA_DQ_DATE_UNREADABLE] = {"date_unreadable", TERM_DQ_DATE_UNREADABLE_ISO, TNA_TERM_COUNT},
};

const char *tna_dq_code(tna_dq_reason reason)
{
    return (unsigned)reason < TNA_DQ_REASON_COUNT ? reasons[reason].code : "";
}

/* The words of a date read with the format in detail (its advice names the other two). */
static tna_term dq_date_term(const char *detail)
{
    if (strcmp(detail, "dmy") == 0)
        return TERM_DQ_DATE_UNREADABLE_DMY;
    if (strcmp(detail, "mdy") == 0)
        return TERM_DQ_DATE_UNREADABLE_MDY;
    return TERM_DQ_DATE_UNREADABLE_ISO;
}

static tna_term dq_text_term(tna_dq_text bad)
{
    switch (bad) {
    case TNA_DQ_TEXT_WIN1252: return TERM_DQ_NOT_WIN1252;
    case TNA_DQ_TEXT_UTF16: return TERM_DQ_NOT_UTF16;
    default: return TERM_DQ_NOT_UTF8;
    }
}

char *tna_dq_words(tna_dq_reason reason, tna_dq_text bad, const char *detail, bool kind,
                   tna_language language)
{
    if ((unsigned)reason >= TNA_DQ_REASON_COUNT)
        return g_strdup("");
    if (detail == NULL)
        detail = "";
    tna_term term = reasons[reason].words;
    if (reason == TNA_DQ_DATE_UNREADABLE)
        term = dq_date_term(detail);
    else if (kind && reasons[reason].kind != TNA_TERM_COUNT)
        term = reasons[reason].kind, detail = "";
    /* the arguments in order: what the cell is not (a cell that is not text), then the
     * detail's parts; each %s of the words takes the next */
    char **parts = g_strsplit(detail, TNA_DQ_DETAIL_SEP, -1);
    const char *next_text = bad != TNA_DQ_TEXT_NA ? tna_term_in(dq_text_term(bad), language) : NULL;
    GString *out = g_string_new(NULL);
    size_t used = 0;
    for (const char *p = tna_term_in(term, language); *p; p++) {
        if (p[0] == '%' && p[1] == 's') {
            if (next_text) {
                g_string_append(out, next_text);
                next_text = NULL;
            } else if (parts[used]) {
                g_string_append(out, parts[used++]);
            }
            p++;
        } else {
            g_string_append_c(out, *p);
        }
    }
    g_strfreev(parts);
    return g_string_free(out, FALSE);
}

/* Both languages' words, kept for the report (labels.h): beside the words, so that
 * labels.c need not call back into this file. */
const char *tna_label_dq(tna_labels *l, tna_dq_reason reason, tna_dq_text bad, const char *detail,
                         bool kind)
{
    return tna_label_pair_made(l, tna_dq_words(reason, bad, detail, kind, TNA_LANG_EN),
                               tna_dq_words(reason, bad, detail, kind, TNA_LANG_CY));
}

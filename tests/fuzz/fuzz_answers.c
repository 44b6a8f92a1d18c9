/*
 * fuzz_answers.c - the answer matcher (include/tna/answers.h) on any text, for any field.
 *
 * Input: the first byte picks the field (authority, role, level, trained, barriers, language,
 * rater, satisfaction, applied, before), the second whether the source's own `answers:` are
 * looked up too; the rest, up to a NUL, is the answer. The model is the small configuration of
 * tests/cases/analysis with `answers:` of the run and of its source, so every step of the
 * matcher runs (the source's table, the run's, the reference files, the built-in bilingual
 * words, "A / B" sides, "3 - Label" numbers). Checks, beyond no crash and no leak:
 *   - the meaning is TNA_ANSWER_MISSING, TNA_ANSWER_UNKNOWN or one the field can have (an
 *     index into the model's authorities, roles or barriers; a level on the scale; yes/no;
 *     a language; a rater; 1-5);
 *   - the same text gives the same meaning again, and so does it with spaces around it
 *     (answers are matched on their matching key, which trims);
 *   - text that is not valid UTF-8 is unknown;
 *   - a whole-text match (tna_answer_match_key on the key) is what the matcher returns.
 * Runs from the repository root.
 */
#include <string.h>

#include "fuzz.h"
#include "tna/answers.h"
#include "tna/config.h"
#include "tna/text.h"

static tna_model *model;

static const tna_field fields[] = {TNA_FIELD_AUTHORITY, TNA_FIELD_ROLE,
                                   TNA_FIELD_LEVEL,     TNA_FIELD_TRAINED,
                                   TNA_FIELD_BARRIERS,  TNA_FIELD_LANGUAGE_PREFERENCE,
                                   TNA_FIELD_RATER,     TNA_FIELD_SATISFACTION,
                                   TNA_FIELD_APPLIED,   TNA_FIELD_BEFORE};

static const char config[] = "periods: [2026-Q3]\n"
                             "frameworks: [%s/tests/cases/analysis/fw.yaml]\n"
                             "roles: %s/tests/cases/analysis/roles.yaml\n"
                             "authorities: %s/tests/cases/analysis/authorities.yaml\n"
                             "answers:\n"
                             "  authority: {\"A one\": a1, \"Cyngor Dau\": a2}\n"
                             "  level: {\"Ddim yn siŵr\": missing, \"Da iawn\": 3}\n"
                             "  trained: {\"Do / Yes\": yes}\n"
                             "  barriers: {\"Dim amser\": time}\n"
                             "sources:\n"
                             "  - name: s\n"
                             "    path: s.csv\n"
                             "    columns: {authority: A, role: R}\n"
                             "    skills: {S1: s1}\n"
                             "    answers:\n"
                             "      role: {\"Boss\": r2}\n"
                             "      level: {\"Top\": 2}\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    char *cwd = g_get_current_dir();
    char *text = g_strdup_printf(config, cwd, cwd, cwd);
    char *path = fuzz_write("tna.yaml", (const uint8_t *)text, strlen(text));
    tna_error err = TNA_ERROR_INIT;
    if (tna_config_load(path, &model, &err) != TNA_OK) {
        fprintf(stderr, "%s:%ld:%ld: %s (harnesses run from the repository root)\n", err.file,
                err.line, err.col, err.message);
        abort();
    }
    g_free(path);
    g_free(text);
    g_free(cwd);
    return 0;
}

static bool meaningful(tna_field f, int v)
{
    if (v == TNA_ANSWER_MISSING || v == TNA_ANSWER_UNKNOWN)
        return true;
    switch (f) {
    case TNA_FIELD_AUTHORITY:
        return v >= 0 && (size_t)v < model->n_authorities;
    case TNA_FIELD_ROLE:
        return v >= 0 && (size_t)v < model->n_roles;
    case TNA_FIELD_BARRIERS:
        return v >= 0 && (size_t)v < model->n_barriers;
    case TNA_FIELD_LEVEL:
    case TNA_FIELD_BEFORE:
        return v >= 0 && v <= model->frameworks[0].scale.max;
    case TNA_FIELD_TRAINED:
    case TNA_FIELD_APPLIED:
        return v == TNA_YES || v == TNA_NO;
    case TNA_FIELD_LANGUAGE_PREFERENCE:
        return v == TNA_MEDIUM_WELSH || v == TNA_MEDIUM_ENGLISH || v == TNA_MEDIUM_EITHER;
    case TNA_FIELD_RATER:
        return v == TNA_RATER_SELF || v == TNA_RATER_MANAGER;
    case TNA_FIELD_SATISFACTION:
        return v >= 1 && v <= 5;
    default:
        return false;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    tna_field f = fields[data[0] % (sizeof fields / sizeof fields[0])];
    uint32_t source = data[1] & 1 ? 0 : TNA_NONE;
    char *text = g_strndup((const char *)data + 2, size - 2); /* up to a NUL */
    int v = tna_answer_match(model, source, f, 0, text);
    FUZZ_ASSERT(meaningful(f, v));
    FUZZ_ASSERT(tna_answer_match(model, source, f, 0, text) == v);
    char *padded = g_strdup_printf("  %s \t", text);
    FUZZ_ASSERT(tna_answer_match(model, source, f, 0, padded) == v);
    g_free(padded);
    if (!g_utf8_validate(text, -1, NULL))
        FUZZ_ASSERT(v == TNA_ANSWER_UNKNOWN);
    char *key = tna_text_key(text, -1);
    if (key != NULL) {
        int whole = tna_answer_match_key(model, source, f, 0, key);
        FUZZ_ASSERT(meaningful(f, whole));
        if (whole != TNA_ANSWER_UNKNOWN)
            FUZZ_ASSERT(whole == v);
    }
    g_free(key);
    g_free(text);
    return 0;
}

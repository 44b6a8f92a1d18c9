/*
 * answers.h - what an answer in an export means: one matcher for every cell that holds a
 * choice (council, role, level, yes/no, language, barrier, rater, satisfaction).
 *
 * An answer is matched on its matching key (text.h), in this order, the first that gives a
 * meaning winning:
 *   1. the whole text: the source's own `answers:`, then the run's, then what tna knows -
 *      names (English and Welsh), ids, aliases and level labels from the reference files,
 *      and the built-in bilingual words: yes/no (Yes, No, Do, Naddo, Ydw, Nac ydw, Oes,
 *      Nac oes, Y, N, True, False, 1, 0, ...), language preference (Welsh, Cymraeg, English,
 *      Saesneg, No preference, Dim ffafriaeth, Either, Bilingual, Dwyieithog, ...), rater
 *      (self, manager, ...) and satisfaction (1-5, Very satisfied ... Very dissatisfied);
 *   2. an option written in both languages, "Cymraeg / Welsh": each side alone (step 1);
 *      the sides that match must agree, and at least one must;
 *   3. for levels and satisfaction, a number written with its label, "3 - Practitioner",
 *      "3. Practitioner", "3: ...", "3) ..." or "Practitioner (3)": the number, when it is
 *      on the scale and the label names no other level.
 * A blank answer, or one a scale or `answers:` calls missing, is TNA_ANSWER_MISSING; one
 * that matches nothing, or is not valid UTF-8, is TNA_ANSWER_UNKNOWN.
 *
 * The matcher looks things up in the model and allocates only a key, which it frees:
 * nothing to free for the caller. Ingest calls it once per distinct answer text and caches
 * the result, never once per cell.
 */
#ifndef TNA_ANSWERS_H
#define TNA_ANSWERS_H

#include <stdint.h>

#include "tna/config.h"
#include "tna/model.h"

/* The meaning of `text` in `field` of source number `source` (TNA_NONE: only the run's
 * `answers:`):
 *   authority, role, barriers   the index into model->authorities, roles, barriers
 *   level, before, after        a level of framework `framework`'s scale (the `level`
 *                               answers apply to all three, and to wide skill columns)
 *   trained, applied            TNA_YES or TNA_NO
 *   language_preference         TNA_MEDIUM_WELSH, _ENGLISH or _EITHER
 *   rater                       TNA_RATER_SELF or TNA_RATER_MANAGER
 *   satisfaction                1 to 5
 * or TNA_ANSWER_MISSING / TNA_ANSWER_UNKNOWN. Other fields are always unknown. */
int tna_answer_match(const tna_model *model, uint32_t source, tna_field field, uint32_t framework,
                     const char *text);

/* Step 1 alone on a matching key (no bilingual or numbered forms). */
int tna_answer_match_key(const tna_model *model, uint32_t source, tna_field field,
                         uint32_t framework, const char *key);

/* A cell that only says its question's "Other" choice was taken ("Other", "Other (please
 * specify)", "Arall", both sides of "Arall (nodwch) / Other (please specify)", LimeSurvey's
 * code "-oth-"), by matching key: the words the typed text is in another column. */
bool tna_answer_is_other(const char *key);

#endif

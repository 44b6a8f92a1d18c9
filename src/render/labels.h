/*
 * labels.h - what the reports call things, in English, Welsh or both.
 *
 * Every fixed word of the reports is a term of the glossary, docs/glossary.tsv (key, en,
 * cy, and a note on where the Welsh comes from), compiled into the program: tools/glossary.sh
 * writes glossary.h (enum tna_term, TERM_<KEY>) and the table behind it. A renderer asks for
 * TERM_X and gets it in the report's language, so one English term has one Welsh rendering
 * everywhere (test_glossary checks the file). Names come from the configuration: an
 * authority, region, role, framework, topic or skill in the report's language (Welsh falls
 * back to English where the configuration gives no Welsh name). With TNA_LANG_BOTH a text
 * reads "Cymraeg / English" when the two differ, or "English / Cymraeg" with the
 * configuration's `language_order: en-first`.
 *
 * A term with printf conversions is formatted with tna_label_termf (or pdf_tf), which passes
 * its arguments through TNA_TERM_CHECK first, so the compiler checks them against the
 * English and the Welsh format alike; a term may only be formatted by its TERM_ name there.
 *
 * Memory: returned strings are owned by the labels object (or are static) and live until
 * tna_labels_free(). NULL is never returned.
 */
#ifndef TNA_LABELS_H
#define TNA_LABELS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "glossary.h"
#include "tna/config.h"
#include "tna/dq_reason.h"
#include "tna/model.h"
#include "tna/planning.h"

typedef struct tna_labels tna_labels;

tna_labels *tna_labels_new(const tna_model *model, tna_language language);
void tna_labels_free(tna_labels *labels);

/* The configured title (title, title_cy), or the glossary's "Training-needs analysis". */
const char *tna_label_title(tna_labels *l);
/* An expectation's title (title, title_cy; the id when it has no title). */
const char *tna_label_expectation(tna_labels *l, uint32_t expectation);
const char *tna_label_authority(tna_labels *l, uint32_t authority);
const char *tna_label_region(tna_labels *l, uint32_t region);
const char *tna_label_role(tna_labels *l, uint32_t role);
const char *tna_label_framework(tna_labels *l, uint32_t framework);
const char *tna_label_topic(tna_labels *l, uint32_t topic);
const char *tna_label_skill(tna_labels *l, uint32_t skill);
const char *tna_label_barrier(tna_labels *l, uint32_t barrier);
const char *tna_label_level(tna_labels *l, uint32_t framework, int level);

/* A term in the report's language ("en / cy" with both). */
const char *tna_label_term(tna_labels *l, tna_term term);
/* The same as a sentence, its first letter in capitals and a full stop after it, in each
 * language: a term written to follow "Title: " (a note) standing alone as a definition. */
const char *tna_label_term_sentence(tna_labels *l, tna_term term);

/* The words of a data-quality reason (dq_reason.h) in one language (TNA_LANG_EN or
 * TNA_LANG_CY), its detail filled in; with `kind`, the words of its kind without the detail
 * that varies by entry (a skill id, numbers), for counts by kind. Caller frees. */
char *tna_dq_words(tna_dq_reason reason, tna_dq_text bad, const char *detail, bool kind,
                   tna_language language);
/* The same in the report's language ("cy / en" with both). */
const char *tna_label_dq(tna_labels *l, tna_dq_reason reason, tna_dq_text bad, const char *detail,
                         bool kind);
/* A reason's stable code, as the data-quality CSV writes it ("unknown_authority"). */
const char *tna_dq_code(tna_dq_reason reason);

/* A term with printf arguments: the English and the Welsh format each get the same
 * arguments (checked by the compiler against both), then one is picked or both joined.
 * The term must be written as its TERM_ name. */
#define tna_label_termf(l, term, ...)                                                              \
    (TNA_TERM_CHECK(term, __VA_ARGS__), tna_label_format(l, term, __VA_ARGS__))
/* The same without the check, for tna_label_termf. */
const char *tna_label_format(tna_labels *l, tna_term term, ...);

/* The report's language, or with both the one that comes first (TNA_LANG_CY unless the
 * configuration says en-first): where only one fits. */
tna_language tna_label_first_language(const tna_labels *l);

/* A term in one language (TNA_LANG_EN or TNA_LANG_CY), for text built per language. */
const char *tna_term_in(tna_term term, tna_language language);

/* Two finished texts, one per language, picked or joined like a term (the Welsh first unless
 * the configuration says en-first). */
const char *tna_label_pair(tna_labels *l, const char *en, const char *cy);
/* tna_label_pair for texts made on the heap: keeps them for the report and frees both. */
const char *tna_label_pair_made(tna_labels *l, char *en, char *cy);

/* The glossary's wording of an expectation's note (TERM_NOTE_...); TNA_NOTE_NONE has none
 * and must not be asked for. */
tna_term tna_note_term(tna_note note);

/* What a kind of configured text is called (TERM_SKILL for TNA_TEXT_SKILL ...). */
tna_term tna_text_kind_term(tna_text_kind kind);

/* Who counts as an expert (potential mentor), as configured: the level, the share of a
 * topic's answered skills, and which rating counts where a person and their manager both
 * rated a skill (mentors: and rater_policy:). One sentence for the mentors' tables. */
const char *tna_label_mentor_rule(tna_labels *l);

/* The marker a suppressed figure shows instead of a number: "fewer than 5" / "llai na 5". */
const char *tna_label_suppressed(tna_labels *l, int min_group_size);

/* The marker of a hidden figure, by why it is hidden: "fewer than 5" (TNA_SUPPRESSED),
 * "protected" (TNA_PROTECTED); "" for TNA_SHOWN. The three are never worded alike, and a
 * figure with no data has no marker of its own (a dash, or no row). */
const char *tna_label_hidden(tna_labels *l, tna_hidden why, int min_group_size);

/* Tells the labels how many of the model's authorities answered in the current period.
 * Until it is called, or when every authority answered, totals read "All Wales"; otherwise
 * "3 of 22 councils", so that a total over the councils that answered is not passed off as
 * one for Wales. */
void tna_labels_set_answered(tna_labels *l, size_t answered);

/* The label of a total over every authority that answered: "All Wales" / "Cymru gyfan", or
 * "3 of 22 councils" / "3 o 22 cyngor" (tna_labels_set_answered). */
const char *tna_label_wales(tna_labels *l);
/* The same inside a sentence or title: "all Wales" / "Cymru gyfan", or "3 of 22 councils". */
const char *tna_label_wales_lower(tna_labels *l);

/* Checks the arguments of a formatted term against both of its formats at compile time,
 * evaluating nothing (printf inside sizeof is never called). */
#define TNA_TERM_CHECK(term, ...)                                                                  \
    ((void)sizeof(printf(term##__en, __VA_ARGS__) + printf(term##__cy, __VA_ARGS__)))

#endif

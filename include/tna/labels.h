/*
 * labels.h - what the reports call things, in English, Welsh or both.
 *
 * Renderers never print an id where a person reads: they ask here for the name of an
 * authority, region, role, framework, topic or skill in the report's language (Welsh falls
 * back to English where the configuration gives no Welsh name), and for the fixed words of
 * the reports. With TNA_LANG_BOTH a name reads "English / Cymraeg" when the two differ.
 *
 * Memory: returned strings are owned by the labels object (or are static) and live until
 * tna_labels_free(). NULL is never returned.
 */
#ifndef TNA_LABELS_H
#define TNA_LABELS_H

#include <stdint.h>

#include "tna/model.h"

typedef struct tna_labels tna_labels;

tna_labels *tna_labels_new(const tna_model *model, tna_language language);
void tna_labels_free(tna_labels *labels);

const char *tna_label_authority(tna_labels *l, uint32_t authority);
const char *tna_label_region(tna_labels *l, uint32_t region);
const char *tna_label_role(tna_labels *l, uint32_t role);
const char *tna_label_framework(tna_labels *l, uint32_t framework);
const char *tna_label_topic(tna_labels *l, uint32_t topic);
const char *tna_label_skill(tna_labels *l, uint32_t skill);
const char *tna_label_barrier(tna_labels *l, uint32_t barrier);
const char *tna_label_level(tna_labels *l, uint32_t framework, int level);

/* A fixed phrase: pick en or cy (or "en / cy") for the report's language. */
const char *tna_label_text(tna_labels *l, const char *en, const char *cy);

/* The marker a suppressed figure shows instead of a number: "fewer than 5" / "llai na 5". */
const char *tna_label_suppressed(tna_labels *l, int min_group_size);

/* "All Wales" / "Cymru gyfan", for rows summed over every authority. */
const char *tna_label_wales(tna_labels *l);

#endif

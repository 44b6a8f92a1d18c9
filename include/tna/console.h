/*
 * console.h - what tna run, tna merge and tna validate print on the terminal, in the run's
 * language.
 *
 * The words are terms of the glossary (docs/glossary.tsv, console_...), so a Welsh run
 * speaks Welsh on the terminal as in its reports. With TNA_LANG_BOTH every line is printed
 * twice, the Welsh first (the English first with `language_order: en-first`). What stays
 * English: file paths, source names, configuration keys and values, error messages and the
 * usage text (tna(1)).
 *
 * This is the analyst's own terminal, like the data-quality CSV: tna validate shows the
 * first problems of the log with the values found. Nothing here writes a file.
 */
#ifndef TNA_CONSOLE_H
#define TNA_CONSOLE_H

#include <stdio.h>

#include "tna/analysis.h"
#include "tna/ingest.h"
#include "tna/model.h"
#include "tna/outputs.h"

/* tna validate, once the configuration has loaded: that it is valid, its title, periods and
 * sizes, and its Welsh forms (with TNA_LANG_CY or TNA_LANG_BOTH every configured text
 * without one, as file:line:col: ...; otherwise how many). */
void tna_console_config(FILE *fp, const tna_model *model, tna_language language);

/* tna validate, once the inputs are read: rows per source and period, and the first ten
 * problems of the data-quality log. */
void tna_console_inputs(FILE *fp, const tna_model *model, const tna_dataset *dataset,
                        tna_language language);

/* tna run, once the reports are committed: the title, rows per source and period, the
 * current period's figures, and the files written into dir (shown relative to the working
 * directory when it is under it). */
void tna_console_run(FILE *fp, const tna_model *model, const tna_dataset *dataset,
                     const tna_results *results, const tna_outputs *outputs, const char *dir,
                     tna_language language);

/* tna merge, once the reports are committed: the title, how many counts files were merged,
 * the current period's figures, and the files written into dir. */
void tna_console_merge(FILE *fp, const tna_model *model, size_t n_files,
                       const tna_results *results, const tna_outputs *outputs, const char *dir,
                       tna_language language);

#endif

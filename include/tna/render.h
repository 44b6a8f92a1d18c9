/*
 * render.h - the report writers.
 *
 * Each renderer reads the privacy-safe results (analysis.h) and writes its files through a
 * tna_outputs set (outputs.h), so a run's reports appear together or not at all. Renderers
 * never see raw tallies or personal data; the one exception is the data-quality CSV, which
 * is the analyst's list of what to fix and reads the logged values through the narrow
 * dq_log.h (tna_render_csv is handed the log for it).
 *
 * tna_render_csv writes, for the current (last) period of the results:
 *   summary-PERIOD.csv       every group of the six summary sets, for every period of the
 *                            run, sorted by (period, authority, role, framework, topic) in
 *                            byte order with '*' for a dimension summed over; a hidden group
 *                            has blank figures and suppressed = 1 (fewer than min_group_size
 *                            respondents) or 2 (protected); a group with no data has no row
 *   groups-PERIOD.csv        every group of every set, the same way, with region and skill
 *                            columns and the skills each figure rests on (docs/outputs.md)
 *   data-quality-PERIOD.csv  file,line,column,value,reason for every period read, from log
 *                            (tna_dq_log_of(dataset)); without a log (results merged from
 *                            counts), the results' counted log, with a sixth column entries
 * Text that a spreadsheet would take for a formula (= + - @ tab CR LF first) is prefixed
 * with an apostrophe.
 */
#ifndef TNA_RENDER_H
#define TNA_RENDER_H

#include <stdbool.h>
#include <stdint.h>

#include "tna/analysis.h"
#include "tna/error.h"
#include "tna/outputs.h"

/* What every renderer needs besides the results. */
typedef struct tna_render_options {
    tna_language language; /* --lang, else the configuration's */
    int64_t now;           /* seconds since 1970: SOURCE_DATE_EPOCH when set, else the clock */
    /* A pack (tna run --packs): .authority or .region set (dims.h) makes the workbook and
     * the PDF the report of that council or region, beside its region and Wales; both "all"
     * (left out) is the full report. A pack is a filtered view of the same results: it shows
     * only figures the run's results hold, hidden where they are hidden. */
    tna_dims focus;
    /* When set, the PDF renderers call cut_label for every label the report had to cut short
     * with an ellipsis instead of wrapping it (file: the report's name in the outputs set,
     * text: the whole label), once each in drawing order; tna run sets it for
     * TNA_CUT_LABELS. Called only on the thread that renders the PDFs. */
    void (*cut_label)(void *data, const char *file, const char *text);
    void *cut_label_data;
} tna_render_options;

typedef struct tna_dq_log tna_dq_log; /* dq_log.h */

tna_status tna_render_csv(const tna_results *results, const tna_dq_log *log, tna_outputs *outputs,
                          tna_error *err) TNA_MUST_CHECK;

/* tna-PERIOD.xlsx: the workbook for L&D leads and commissioners (render/xlsx*.c). */
tna_status tna_render_xlsx(const tna_results *results, const tna_render_options *options,
                           tna_outputs *outputs, tna_error *err) TNA_MUST_CHECK;

/* tna-PERIOD.pdf: the report for senior management (render/pdf*.c, render/chart.c). */
tna_status tna_render_pdf(const tna_results *results, const tna_render_options *options,
                          tna_outputs *outputs, tna_error *err) TNA_MUST_CHECK;

/* The packs (render/packs.c): for each council with respondents in the current period and
 * for each region with any, packs/<id>/tna-<id>-PERIOD.pdf and .xlsx, where <id> is the
 * council's id or the region's name in lower case with hyphens ("north-wales"). They are
 * files of the same outputs set, committed with the run's other reports. */
tna_status tna_render_packs(const tna_results *results, const tna_render_options *options,
                            tna_outputs *outputs, tna_error *err) TNA_MUST_CHECK;

/* Whether a report with options->focus shows authority a's own figures (every authority
 * without a focus; the council, or the region's councils, with one), and region g's. */
bool tna_render_shows_authority(const tna_render_options *options, const tna_model *model,
                                uint32_t a);
bool tna_render_shows_region(const tna_render_options *options, const tna_model *model,
                             uint32_t g);
/* Whether options->focus names a council or a region. */
bool tna_render_is_pack(const tna_render_options *options);

/* The name of a report file in the outputs set: "tna-PERIOD.EXT", or for a pack
 * "packs/ID/tna-ID-PERIOD.EXT". Caller frees with g_free(). */
char *tna_render_file_name(const tna_results *results, const tna_render_options *options,
                           const char *ext);

#endif

/*
 * presets.c - the table of presets.h: what each survey tool writes.
 *
 * Where a tool's habits vary with the user's settings, the entry holds what its default
 * export writes: Microsoft Forms and Google Forms write timestamps in the order of the
 * locale of the spreadsheet they went through, so their date order is read from the column
 * (auto); SurveyMonkey writes month-first whatever the account's country, SmartSurvey
 * day-first, Qualtrics and LimeSurvey year-first. Qualtrics' Status column says "Survey
 * Preview", "Survey Test" or "Spam" with "Use choice text", and 1, 2 or 8 with numeric
 * values; "IP Address" (0) is a real response.
 */
#include <string.h>

#include "tna/presets.h"

static const char *const qualtrics_not_responses[] = {
    "Survey Preview", "Survey Test", "Spam", "1", "2", "8", NULL};

static const char *const sig_microsoft_forms[] = {"start time", "completion time",
                                                  "last modified time", NULL};
static const char *const sig_google_forms[] = {"timestamp", NULL};
static const char *const sig_surveymonkey[] = {"respondent id", "collector id", "custom data 1",
                                               "open-ended response", NULL};
static const char *const sig_smartsurvey[] = {"userid", "userno", "unique id", NULL};
static const char *const sig_qualtrics[] = {"responseid",
                                            "recordeddate",
                                            "distributionchannel",
                                            "duration (in seconds)",
                                            "{\"importid\":\"startdate\"}",
                                            NULL};
static const char *const sig_limesurvey[] = {"submitdate",
                                             "lastpage",
                                             "startlanguage",
                                             "id. response id",
                                             "submitdate. date submitted",
                                             "lastpage. last page",
                                             "startlanguage. start language",
                                             "date submitted",
                                             "start language",
                                             NULL};

static const tna_preset_info none = {
    .id = TNA_PRESET_NONE,
    .name = "none",
    .tool = "any tool",
    .header_rows = 1,
    .text_row = 1,
    .grid = TNA_GRID_AS_IS,
    .multi = TNA_MULTI_ONE_CELL,
    .separator = ";",
    .date_format = TNA_DATE_AUTO,
};

static const tna_preset_info microsoft_forms = {
    .id = TNA_PRESET_MICROSOFT_FORMS,
    .name = "microsoft-forms",
    .tool = "Microsoft Forms",
    .header_rows = 1,
    .text_row = 1,
    .grid = TNA_GRID_DOT,
    .multi = TNA_MULTI_ONE_CELL,
    .separator = ";",
    .date_format = TNA_DATE_AUTO,
    .signature = sig_microsoft_forms,
};

static const tna_preset_info google_forms = {
    .id = TNA_PRESET_GOOGLE_FORMS,
    .name = "google-forms",
    .tool = "Google Forms",
    .header_rows = 1,
    .text_row = 1,
    .grid = TNA_GRID_BRACKETS,
    .multi = TNA_MULTI_ONE_CELL,
    .separator = ", ",
    .date_format = TNA_DATE_AUTO,
    .signature = sig_google_forms,
};

static const tna_preset_info surveymonkey = {
    .id = TNA_PRESET_SURVEYMONKEY,
    .name = "surveymonkey",
    .tool = "SurveyMonkey",
    .header_rows = 2,
    .text_row = 1,
    .grid = TNA_GRID_DASH,
    .question_carried = true,
    .multi = TNA_MULTI_COLUMNS,
    .separator = ";",
    .date_format = TNA_DATE_MDY,
    .signature = sig_surveymonkey,
};

static const tna_preset_info smartsurvey = {
    .id = TNA_PRESET_SMARTSURVEY,
    .name = "smartsurvey",
    .tool = "SmartSurvey",
    .header_rows = 3,
    .text_row = 1,
    .grid = TNA_GRID_DASH,
    .question_carried = true,
    .multi = TNA_MULTI_COLUMNS,
    .separator = ";",
    .date_format = TNA_DATE_DMY,
    .signature = sig_smartsurvey,
};

static const tna_preset_info qualtrics = {
    .id = TNA_PRESET_QUALTRICS,
    .name = "qualtrics",
    .tool = "Qualtrics",
    .header_rows = 3,
    .text_row = 2,
    .grid = TNA_GRID_DASH,
    .multi = TNA_MULTI_ONE_CELL,
    .separator = ",",
    .date_format = TNA_DATE_ISO,
    .exclude_column = "Status",
    .exclude_values = qualtrics_not_responses,
    .signature = sig_qualtrics,
};

static const tna_preset_info limesurvey = {
    .id = TNA_PRESET_LIMESURVEY,
    .name = "limesurvey",
    .tool = "LimeSurvey",
    .header_rows = 1,
    .text_row = 1,
    .grid = TNA_GRID_BRACKETS,
    .codes = true,
    .multi = TNA_MULTI_COLUMNS,
    .separator = ";",
    .date_format = TNA_DATE_ISO,
    .signature = sig_limesurvey,
};

const tna_preset_info *const tna_presets[] = {&microsoft_forms, &google_forms, &surveymonkey,
                                              &smartsurvey,     &qualtrics,    &limesurvey};
const size_t tna_presets_count = sizeof tna_presets / sizeof tna_presets[0];

const tna_preset_info *tna_preset_get(tna_preset preset)
{
    for (size_t i = 0; i < tna_presets_count; i++)
        if (tna_presets[i]->id == preset)
            return tna_presets[i];
    return &none;
}

tna_preset tna_preset_detect(const char *const *cell_keys, size_t n)
{
    tna_preset best = TNA_PRESET_NONE;
    size_t best_hits = 0;
    for (size_t t = 0; t < tna_presets_count; t++) {
        size_t hits = 0;
        for (const char *const *s = tna_presets[t]->signature; s && *s; s++)
            for (size_t i = 0; i < n; i++)
                if (cell_keys[i] != NULL && strcmp(cell_keys[i], *s) == 0) {
                    hits++;
                    break;
                }
        /* Google Forms' only mark is its Timestamp column, so one heading is enough there;
         * a tie goes to the tool listed first. */
        if (hits > best_hits) {
            best_hits = hits;
            best = tna_presets[t]->id;
        }
    }
    return best;
}

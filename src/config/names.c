/*
 * names.c - the names of model.h's enumerations as configuration files spell them and the
 * accepted spellings for the loader. What each export-tool preset means is presets.c's.
 */
#include "config_internal.h"

const char *const tna_field_names[TNA_FIELD_COUNT] = {
    "respondent",   "authority", "role",  "submitted",
    "trained",      "barriers",  "rater", "language_preference",
    "skill",        "level",     "topic", "course",
    "satisfaction", "before",    "after", "applied",
};

const char *const tna_metric_names[TNA_METRIC_COUNT] = {
    "share_at_target", "mean_gap",        "learners_needing", "gap_reduction",
    "satisfaction",    "learning_uplift", "applied_rate",     "trained_vs_untrained",
    "share_skills_at_target",
};

const char *const tna_format_names[3] = {"wide", "long", "evaluation"};
const char *const tna_preset_names[7] = {"none",         "microsoft-forms", "google-forms",
                                         "surveymonkey", "qualtrics",       "limesurvey",
                                         "smartsurvey"};
const char *const tna_encoding_names[5] = {"utf-8", "windows-1252", "utf-16le", "utf-16be",
                                         "auto"};
const char *const tna_date_format_names[4] = {"auto", "iso", "dmy", "mdy"};
const char *const tna_language_names[3] = {"en", "cy", "both"};
const char *const tna_language_order_names[2] = {"cy-first", "en-first"};
const char *const tna_rater_policy_names[3] = {"manager_first", "latest", "self_only"};

#define N(a) (sizeof(a) / sizeof((a)[0]))

const cfg_enum tna_cfg_format_enum[] = {
    {"wide", TNA_FORMAT_WIDE, "wide"},
    {"long", TNA_FORMAT_LONG, "long"},
    {"evaluation", TNA_FORMAT_EVALUATION, "evaluation"},
};
const size_t tna_cfg_format_enum_n = N(tna_cfg_format_enum);

const cfg_enum tna_cfg_preset_enum[] = {
    {"microsoft-forms", TNA_PRESET_MICROSOFT_FORMS, "microsoft-forms"},
    {"google-forms", TNA_PRESET_GOOGLE_FORMS, "google-forms"},
    {"surveymonkey", TNA_PRESET_SURVEYMONKEY, "surveymonkey"},
    {"qualtrics", TNA_PRESET_QUALTRICS, "qualtrics"},
    {"limesurvey", TNA_PRESET_LIMESURVEY, "limesurvey"},
    {"smartsurvey", TNA_PRESET_SMARTSURVEY, "smartsurvey"},
};
const size_t tna_cfg_preset_enum_n = N(tna_cfg_preset_enum);

const cfg_enum tna_cfg_encoding_enum[] = {
    {"auto", TNA_ENCODING_AUTO, "auto"},
    {"utf-8", TNA_ENCODING_UTF8, "utf-8"},
    {"windows-1252", TNA_ENCODING_WINDOWS_1252, "windows-1252"},
    {"utf-16", TNA_ENCODING_UTF16LE, "utf-16"},
    {"utf8", TNA_ENCODING_UTF8, NULL},
    {"cp1252", TNA_ENCODING_WINDOWS_1252, NULL},
    {"utf-16le", TNA_ENCODING_UTF16LE, NULL},
    {"utf-16be", TNA_ENCODING_UTF16BE, NULL},
};
const size_t tna_cfg_encoding_enum_n = N(tna_cfg_encoding_enum);

const cfg_enum tna_cfg_date_enum[] = {
    {"auto", TNA_DATE_AUTO, "auto"},
    {"iso", TNA_DATE_ISO, "iso"},
    {"dmy", TNA_DATE_DMY, "dmy"},
    {"mdy", TNA_DATE_MDY, "mdy"},
};
const size_t tna_cfg_date_enum_n = N(tna_cfg_date_enum);

const cfg_enum tna_cfg_delimiter_enum[] = {
    {"auto", 0, "auto"},   {",", ',', "\",\""},  {";", ';', "\";\""},     {"\t", '\t', "\"\\t\""},
    {"\\t", '\t', NULL},  {"comma", ',', "comma"}, {"semicolon", ';', "semicolon"},
    {"tab", '\t', "tab"},
};
const size_t tna_cfg_delimiter_enum_n = N(tna_cfg_delimiter_enum);

const cfg_enum tna_cfg_language_enum[] = {
    {"en", TNA_LANG_EN, "en"},
    {"cy", TNA_LANG_CY, "cy"},
    {"both", TNA_LANG_BOTH, "both"},
};
const size_t tna_cfg_language_enum_n = N(tna_cfg_language_enum);

const cfg_enum tna_cfg_language_order_enum[] = {
    {"cy-first", TNA_ORDER_CY_FIRST, "cy-first"},
    {"en-first", TNA_ORDER_EN_FIRST, "en-first"},
};
const size_t tna_cfg_language_order_enum_n = N(tna_cfg_language_order_enum);

const char *const tna_welsh_medium_names[2] = {"welsh", "welsh_and_either"};
const cfg_enum tna_cfg_welsh_medium_enum[] = {
    {"welsh", TNA_WELSH_MEDIUM_WELSH, "welsh"},
    {"welsh_and_either", TNA_WELSH_MEDIUM_AND_EITHER, "welsh_and_either"},
};
const size_t tna_cfg_welsh_medium_enum_n = N(tna_cfg_welsh_medium_enum);

const cfg_enum tna_cfg_rater_enum[] = {
    {"manager_first", TNA_RATER_MANAGER_FIRST, "manager_first"},
    {"latest", TNA_RATER_LATEST, "latest"},
    {"self_only", TNA_RATER_SELF_ONLY, "self_only"},
};
const size_t tna_cfg_rater_enum_n = N(tna_cfg_rater_enum);

const cfg_enum tna_cfg_metric_enum[] = {
    {"share_at_target", TNA_METRIC_SHARE_AT_TARGET, "share_at_target"},
    {"share_skills_at_target", TNA_METRIC_SHARE_SKILLS_AT_TARGET, "share_skills_at_target"},
    {"mean_gap", TNA_METRIC_MEAN_GAP, "mean_gap"},
    {"learners_needing", TNA_METRIC_LEARNERS_NEEDING, "learners_needing"},
    {"gap_reduction", TNA_METRIC_GAP_REDUCTION, "gap_reduction"},
    {"satisfaction", TNA_METRIC_SATISFACTION, "satisfaction"},
    {"learning_uplift", TNA_METRIC_LEARNING_UPLIFT, "learning_uplift"},
    {"applied_rate", TNA_METRIC_APPLIED_RATE, "applied_rate"},
    {"trained_vs_untrained", TNA_METRIC_TRAINED_VS_UNTRAINED, "trained_vs_untrained"},
};
const size_t tna_cfg_metric_enum_n = N(tna_cfg_metric_enum);

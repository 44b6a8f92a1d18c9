/*
 * sample_words.c - the fixed tables behind the synthetic workforce.
 *
 * Traits are keyed by the ids of the shipped reference files (inputs/); an id missing here
 * gets neutral traits, so editing roles.yaml or authorities.yaml never breaks `tna sample`,
 * it only makes the new entries average. The numbers are invented but shaped like the real
 * thing: the big councils employ most staff, most respondents are in general roles, Welsh
 * is strongest in the north-west and west, and newer skills (AI, accessibility, research
 * operations) are where levels are lowest.
 */
#include <string.h>

#include "population.h"

/* The tables read best one entry per line. */
/* clang-format off */
#define N(a) (sizeof(a) / sizeof((a)[0]))
#define WORDS(a) {a, N(a)}

/* id, headcount weight, maturity offset, Welsh share */
static const sample_authority_traits authorities[] = {
    {"anglesey", 2.5, -0.30, 0.85},
    {"gwynedd", 4.5, 0.05, 0.95},
    {"conwy", 4.0, 0.00, 0.40},
    {"denbighshire", 3.5, -0.10, 0.30},
    {"flintshire", 5.0, 0.05, 0.12},
    {"wrexham", 4.5, -0.20, 0.12},
    {"powys", 5.0, -0.25, 0.25},
    {"ceredigion", 2.5, -0.20, 0.75},
    {"pembrokeshire", 4.0, -0.15, 0.25},
    {"carmarthenshire", 7.0, 0.05, 0.70},
    {"swansea", 9.0, 0.10, 0.18},
    {"neath-port-talbot", 5.0, -0.10, 0.20},
    {"bridgend", 5.0, 0.00, 0.12},
    {"vale-of-glamorgan", 4.5, 0.10, 0.12},
    {"cardiff", 14.0, 0.25, 0.15},
    {"rhondda-cynon-taf", 10.0, -0.05, 0.15},
    {"merthyr-tydfil", 2.0, -0.35, 0.10},
    {"caerphilly", 6.0, 0.00, 0.12},
    {"blaenau-gwent", 2.5, -0.45, 0.08},
    {"torfaen", 3.5, -0.10, 0.10},
    {"monmouthshire", 3.5, 0.30, 0.10},
    {"newport", 5.0, 0.15, 0.10},
};

/* id, headcount weight, level offset, chance of training in the last 12 months */
static const sample_role_traits roles[] = {
    {"all-staff", 40.0, 0.00, 0.25},
    {"customer-services-adviser", 18.0, -0.20, 0.30},
    {"team-manager", 12.0, -0.45, 0.35},
    {"senior-leader", 3.0, -0.55, 0.30},
    {"digital-officer", 5.0, -0.40, 0.45},
    {"communications-officer", 4.0, -0.30, 0.40},
    {"data-analyst", 4.0, 0.10, 0.45},
    {"developer", 3.0, 0.20, 0.40},
    {"content-designer", 2.0, -0.20, 0.55},
    {"product-manager", 1.5, -0.30, 0.50},
    {"delivery-manager", 1.5, -0.10, 0.45},
    {"service-designer", 1.0, -0.30, 0.55},
    {"user-researcher", 0.8, -0.60, 0.60},
};

/* Skills harder (negative) or easier (positive) than their target suggests. */
static const struct {
    const char *id;
    double difficulty;
} skills[] = {
    {"dd-m365", 0.5},           {"dd-collaboration", 0.5},     {"dd-cyber", 0.3},
    {"dd-account-security", 0.3}, {"dd-data-protection", 0.2}, {"cd-plain-english", 0.3},
    {"dd-prompting", -0.4},     {"dd-ai-evaluation", -0.45},   {"dd-ai-ethics", -0.5},
    {"dd-genai-safe-use", -0.2}, {"dd-automation", -0.4},      {"dd-apis", -0.3},
    {"cd-wcag", -0.5},          {"cd-accessible-docs", -0.45}, {"cd-accessible-media", -0.4},
    {"cd-alt-text", -0.2},      {"cd-content-models", -0.3},
    {"cd-information-architecture", -0.3},                     {"cd-content-testing", -0.3},
    {"ur-ops", -0.3},           {"ur-mixed-methods", -0.3},    {"ur-assistive-tech", -0.35},
    {"ur-repository", -0.25},   {"dd-open-data", -0.2},        {"dd-statistics", -0.15},
};

sample_authority_traits tna_sample_authority_traits_of(const char *id)
{
    for (size_t i = 0; i < N(authorities); i++)
        if (strcmp(authorities[i].id, id) == 0)
            return authorities[i];
    return (sample_authority_traits){NULL, 4.0, 0.0, 0.2};
}

sample_role_traits tna_sample_role_traits_of(const char *id)
{
    for (size_t i = 0; i < N(roles); i++)
        if (strcmp(roles[i].id, id) == 0)
            return roles[i];
    return (sample_role_traits){NULL, 2.0, 0.0, 0.35};
}

double tna_sample_skill_difficulty(const char *skill_id)
{
    for (size_t i = 0; i < N(skills); i++)
        if (strcmp(skills[i].id, skill_id) == 0)
            return skills[i].difficulty;
    return 0.0;
}

bool tna_sample_skill_is_welsh(const char *skill_id)
{
    return strstr(skill_id, "welsh") != NULL || strstr(skill_id, "bilingual") != NULL ||
           strstr(skill_id, "translation") != NULL;
}

/* ---- course titles per topic ----------------------------------------------------------------- */

static const char *const c_user_needs[] = {"Understanding user needs",
                                           "Using analytics to improve content"};
static const char *const c_writing[] = {"Plain English for the web", "Writing for the web",
                                        "Writing good forms and error messages"};
static const char *const c_structure[] = {"Information architecture basics",
                                          "Content design: structure and findability"};
static const char *const c_accessibility[] = {"Accessible content and WCAG 2.2",
                                              "Creating accessible documents"};
static const char *const c_welsh[] = {"Cymraeg Clir: plain Welsh",
                                      "Designing bilingual content"};
static const char *const c_practice[] = {"Content audits in practice",
                                         "Managing content in the CMS"};
static const char *const c_planning[] = {"Introduction to user research"};
static const char *const c_ethics[] = {"Research ethics, consent and GDPR"};
static const char *const c_methods[] = {"Running usability tests", "Interviewing users"};
static const char *const c_inclusive[] = {"Inclusive research", "Researching in Welsh"};
static const char *const c_analysis[] = {"Analysis and synthesis workshop"};
static const char *const c_sharing[] = {"Sharing research that teams act on"};
static const char *const c_basics[] = {"Microsoft 365 essentials",
                                       "Cyber security awareness"};
static const char *const c_data[] = {"Excel for data analysis", "Data visualisation with Power BI"};
static const char *const c_governance[] = {"UK GDPR for council staff",
                                           "Information sharing (WASPI)"};
static const char *const c_ai[] = {"Using Copilot safely at work", "AI awareness for managers"};
static const char *const c_web[] = {"Agile ways of working", "Power Automate for beginners"};

static const struct {
    const char *topic;
    const char *const *courses;
    size_t n;
} courses[] = {
    {"cd-user-needs", c_user_needs, N(c_user_needs)},
    {"cd-writing", c_writing, N(c_writing)},
    {"cd-structure", c_structure, N(c_structure)},
    {"cd-accessibility", c_accessibility, N(c_accessibility)},
    {"cd-welsh", c_welsh, N(c_welsh)},
    {"cd-practice", c_practice, N(c_practice)},
    {"ur-planning", c_planning, N(c_planning)},
    {"ur-recruitment-ethics", c_ethics, N(c_ethics)},
    {"ur-methods", c_methods, N(c_methods)},
    {"ur-inclusive", c_inclusive, N(c_inclusive)},
    {"ur-analysis", c_analysis, N(c_analysis)},
    {"ur-sharing", c_sharing, N(c_sharing)},
    {"dd-digital-basics", c_basics, N(c_basics)},
    {"dd-data-literacy", c_data, N(c_data)},
    {"dd-data-governance", c_governance, N(c_governance)},
    {"dd-ai", c_ai, N(c_ai)},
    {"dd-web-software", c_web, N(c_web)},
};

const char *const *tna_sample_courses_of(const char *topic_id, size_t *n)
{
    for (size_t i = 0; i < N(courses); i++)
        if (strcmp(courses[i].topic, topic_id) == 0) {
            *n = courses[i].n;
            return courses[i].courses;
        }
    *n = 0;
    return NULL;
}

/* ---- word lists ------------------------------------------------------------------------------ */

static const char *const first_names[] = {
    "Rhys",  "Siân",   "Gareth", "Ffion",  "Dafydd", "Catrin", "Owain",  "Megan",
    "Iwan",  "Cerys",  "Tomos",  "Elin",   "Huw",    "Bethan", "Aled",   "Nia",
    "Llinos", "Gethin", "Eleri", "Hywel",  "Angharad", "Emyr", "Lowri",  "Dylan",
    "James", "Sarah",  "David",  "Emma",   "Mark",   "Claire", "Paul",   "Rachel",
    "Chris", "Helen",  "Andrew", "Laura",  "Steven", "Kerry",  "Michael", "Joanne",
    "Priya", "Mohammed", "Aisha", "Tomasz", "Zofia", "Chloë", "Gwenllïan", "Ioan",
};

static const char *const last_names[] = {
    "Jones",   "Williams", "Davies",  "Evans",   "Thomas",  "Roberts", "Hughes",
    "Lewis",   "Morgan",   "Griffiths", "Price", "Rees",    "Jenkins", "Owen",
    "Powell",  "Pritchard", "Parry",  "Edwards", "Lloyd",   "Howells", "Bevan",
    "Phillips", "Watkins", "Morris",  "Richards", "Harris", "Llewellyn", "Vaughan",
    "Smith",   "Brown",    "Taylor",  "Walker",  "O'Brien", "Lloyd-Jones", "ap Iorwerth",
    "Khan",    "Ahmed",    "Nowak",   "Kowalski",
};

/* In the order Microsoft Forms lists the choices (and so writes them). */
static const char *const barriers[] = {
    "Time",
    "Cost",
    "Courses not available in Welsh",
    "Manager support",
    "Not sure what I need to learn",
    "Nothing suitable nearby",
};

static const char *const comments[] = {
    "More training on Copilot please, we've been told to use it but nobody has shown us how.",
    "Courses are always in Cardiff, which is a 3 hour round trip for us.",
    "I'd like time set aside for learning, not just \"fit it in when you can\".",
    "Hoffwn i gael hyfforddiant drwy gyfrwng y Gymraeg.",
    "Mae angen mwy o gyrsiau yn y Gymraeg, yn enwedig ar ddata.",
    "Our team uses spreadsheets for everything; some proper data training would help.",
    "Line manager is supportive, but cover is the problem.",
    "Not sure what half of these questions mean, to be honest.",
    "Accessibility training was great.\nWould like a follow-up on PDFs.",
    "The e-learning on GDPR was fine, but it's the same every year.",
    "Please run sessions in the north, e.g. Bangor or Llandudno Junction.",
    "I'm a \"digital champion\" for my team, so a Practitioner course would be useful.",
    "Pair writing sounds interesting – what is it?",
    "More face-to-face please 🙂",
    "We need help with Welsh translation turnaround, not training.",
    "Happy with what I've done so far.\n\nThanks.",
};

/* Answers that match no council or role in the shipped files (the model is asked, and any
 * that do match are left out, so this stays true when the files change). */
static const char *const unknown_authorities[] = {
    "Cardiff University",
    "Welsh Government",
    "Cardiff and Vale University Health Board",
    "Natural Resources Wales",
    "Bristol City Council",
};

static const char *const unknown_roles[] = {
    "Chief executive", "Councillor", "Agency worker", "Volunteer", "Teacher", "Apprentice",
};

/* Level answers no scale understands. */
static const char *const unrecognised[] = {
    "Not sure", "N/A", "Expertt", "Working?", "5", "-", "3.5",
};

const sample_words tna_sample_first_names = WORDS(first_names);
const sample_words tna_sample_last_names = WORDS(last_names);
const sample_words tna_sample_barriers = WORDS(barriers);
const sample_words tna_sample_comments = WORDS(comments);
const sample_words tna_sample_unknown_authorities = WORDS(unknown_authorities);
const sample_words tna_sample_unknown_roles = WORDS(unknown_roles);
const sample_words tna_sample_unrecognised_answers = WORDS(unrecognised);
/* clang-format on */

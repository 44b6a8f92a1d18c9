/* test_inputs.c - the shipped configuration loads and says what councils need it to. */
#include <glib.h>

#include "check.h"
#include "tna/config.h"
#include "tna/text.h"

static tna_model *load_shipped(void)
{
    tna_model *m = NULL;
    tna_error err = TNA_ERROR_INIT;
    CHECK_INT(tna_config_load("inputs/tna.yaml", &m, &err), TNA_OK);
    if (err.code)
        fprintf(stderr, "%s:%ld:%ld: %s\n", err.file, err.line, err.col, err.message);
    return m;
}

static uint32_t authority_by_text(const tna_model *m, const char *text)
{
    char *key = tna_text_key(text, -1);
    uint32_t a = tna_model_find_authority(m, key);
    g_free(key);
    return a;
}

static void test_authorities(void)
{
    tna_model *m = load_shipped();
    if (!m)
        return;
    CHECK_INT(m->n_authorities, 22);
    CHECK_INT(m->n_regions, 4);
    for (size_t i = 0; i < m->n_authorities; i++) {
        CHECK(m->authorities[i].name_cy != NULL && m->authorities[i].name_cy[0] != '\0');
        CHECK(m->authorities[i].region < m->n_regions);
    }
    uint32_t anglesey = authority_by_text(m, "Ynys Môn");
    CHECK(anglesey != TNA_NONE);
    /* the same name typed with a combining circumflex, odd case and spacing */
    CHECK_INT(authority_by_text(m, "  ynys  MO\xcc\x82n "), anglesey);
    CHECK_INT(authority_by_text(m, "Cyngor Sir Ynys Môn"), anglesey);
    CHECK(authority_by_text(m, "Caerdydd") != TNA_NONE);
    CHECK(authority_by_text(m, "Abertawe") != TNA_NONE);
    CHECK(authority_by_text(m, "Rhondda Cynon Taf") != TNA_NONE);
    CHECK_INT(authority_by_text(m, "Cardiff University"), TNA_NONE);
    tna_model_free(m);
}

static void test_frameworks_and_roles(void)
{
    tna_model *m = load_shipped();
    if (!m)
        return;
    CHECK_INT(m->n_frameworks, 3);
    CHECK(tna_model_find_framework(m, "content-design") != TNA_NONE);
    CHECK(tna_model_find_framework(m, "user-research") != TNA_NONE);
    CHECK(tna_model_find_framework(m, "digital-data") != TNA_NONE);
    for (size_t f = 0; f < m->n_frameworks; f++) {
        CHECK(m->frameworks[f].name_cy != NULL);
        CHECK_INT(m->frameworks[f].scale.max, 4);
        CHECK(m->frameworks[f].n_topics >= 4);
        /* Welsh labels are answers too */
        CHECK_INT(tna_model_find_level(m, (uint32_t)f, "ymarferydd"), 3);
        CHECK_INT(tna_model_find_level(m, (uint32_t)f, "prefer not to say"), TNA_ANSWER_MISSING);
    }
    for (size_t s = 0; s < m->n_skills; s++)
        CHECK(m->skills[s].name_cy != NULL);
    const char *roles[] = {"content-designer", "user-researcher", "service-designer",
                           "digital-officer", "data-analyst", "communications-officer",
                           "customer-services-adviser", "team-manager", "senior-leader",
                           "all-staff"};
    for (size_t i = 0; i < G_N_ELEMENTS(roles); i++) {
        uint32_t r = TNA_NONE;
        for (size_t k = 0; k < m->n_roles; k++)
            if (g_strcmp0(m->roles[k].id, roles[i]) == 0)
                r = (uint32_t)k;
        CHECK(r != TNA_NONE);
        if (r == TNA_NONE)
            continue;
        /* every role requires something, and every target is on its skill's scale */
        size_t required = 0;
        for (size_t s = 0; s < m->n_skills; s++) {
            uint8_t t = m->roles[r].target[s];
            required += t > 0;
            uint32_t f = m->topics[m->skills[s].topic].framework;
            CHECK(t <= m->frameworks[f].scale.max);
        }
        CHECK(required > 0);
    }
    tna_model_free(m);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    RUN(test_authorities);
    RUN(test_frameworks_and_roles);
    return g_test_run();
}

/*
 * fuzz_config.c - the configuration loader (include/tna/config.h) on any YAML. The first
 * byte picks which of the four files of a small configuration (tests/cases/analysis: the
 * analysis file, a framework, roles, authorities) is replaced by the rest of the input; the
 * other three stay good. Checks that loading either gives a model or an error that names a
 * file and says why, never both and never neither; the model is then freed (ASan and LSan
 * watch both paths).
 */
#include <string.h>

#include "fuzz.h"
#include "tna/config.h"

static const char *names[] = {"tna.yaml", "fw.yaml", "roles.yaml", "authorities.yaml"};
static char *good[4];
static gsize good_len[4];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    for (int i = 0; i < 4; i++) {
        char *from = g_build_filename("tests/cases/analysis", names[i], NULL);
        if (!g_file_get_contents(from, &good[i], &good_len[i], NULL))
            abort();
        g_free(from);
        g_free(fuzz_write(names[i], (const uint8_t *)good[i], good_len[i]));
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int which = data[0] & 3;
    g_free(fuzz_write(names[which], data + 1, size - 1));
    char *config = g_build_filename(fuzz_scratch(), "tna.yaml", NULL);
    tna_model *m = NULL;
    tna_error err = TNA_ERROR_INIT;
    tna_status st = tna_config_load(config, &m, &err);
    FUZZ_ASSERT((st == TNA_OK) == (m != NULL));
    FUZZ_ASSERT(st == err.code);
    FUZZ_ASSERT(st == TNA_OK || (err.message[0] != '\0' && err.file[0] != '\0'));
    tna_model_free(m);
    g_free(config);
    g_free(fuzz_write(names[which], (const uint8_t *)good[which], good_len[which]));
    return 0;
}

/*
 * replay.c - runs a harness (fuzz_*.c) over files without libFuzzer, so that `make test`
 * and `make check` (under ASan and UBSan) replay every seed and every regression input on
 * each build. Usage: replay_NAME FILE-OR-DIRECTORY... (missing paths are skipped). Prints
 * "NAME: N inputs" and exits 0, or aborts inside the harness on a broken promise.
 */
#include <glib.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

static long replay_file(const char *path)
{
    char *data;
    gsize len;
    if (!g_file_get_contents(path, &data, &len, NULL)) {
        fprintf(stderr, "cannot read %s\n", path);
        return -1;
    }
    /* an exact-size copy, as libFuzzer hands it over */
    uint8_t *exact = g_memdup2(data, len);
    LLVMFuzzerTestOneInput(exact, len);
    g_free(exact);
    g_free(data);
    return 1;
}

int main(int argc, char **argv)
{
    if (LLVMFuzzerInitialize)
        LLVMFuzzerInitialize(&argc, &argv);
    long n = 0;
    for (int i = 1; i < argc; i++) {
        if (g_file_test(argv[i], G_FILE_TEST_IS_DIR)) {
            GDir *dir = g_dir_open(argv[i], 0, NULL);
            GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
            for (const char *name; dir && (name = g_dir_read_name(dir)) != NULL;)
                g_ptr_array_add(names, g_build_filename(argv[i], name, NULL));
            if (dir)
                g_dir_close(dir);
            for (guint k = 0; k < names->len; k++) {
                long r = replay_file(g_ptr_array_index(names, k));
                if (r < 0)
                    return 1;
                n += r;
            }
            g_ptr_array_free(names, TRUE);
        } else if (g_file_test(argv[i], G_FILE_TEST_EXISTS)) {
            if (replay_file(argv[i]) < 0)
                return 1;
            n++;
        }
    }
    printf("%s: %ld inputs\n", argv[0], n);
    return 0;
}

/* threads.c - see include/tna/threads.h. */
#include "tna/threads.h"

#include <glib.h>
#include <stdlib.h>

/* A whole number from 1 to max in the environment variable, or 0. */
static long env_number(const char *name, long max)
{
    const char *v = getenv(name);
    if (v == NULL || *v == '\0')
        return 0;
    char *end;
    long n = strtol(v, &end, 10);
    return *end == '\0' && n >= 1 && n <= max ? n : 0;
}

int tna_threads_max(void)
{
    long n = env_number("TNA_THREADS", TNA_THREADS_LIMIT);
    if (n == 0)
        n = CLAMP(g_get_num_processors(), 1, TNA_THREADS_LIMIT);
    return (int)n;
}

int tna_threads_for(size_t work, size_t min_per_thread)
{
    size_t most = (size_t)tna_threads_max();
    size_t n = min_per_thread > 0 ? work / min_per_thread : work;
    return (int)CLAMP(n, 1, most);
}

int tna_threads_for_file(long long bytes, int threads, long split_min_bytes)
{
    long most = threads > 0 ? MIN(threads, TNA_THREADS_LIMIT) : tna_threads_max();
    long min = split_min_bytes > 0 ? split_min_bytes : env_number("TNA_SPLIT_MIN_BYTES", G_MAXLONG);
    if (min == 0)
        min = TNA_SPLIT_MIN_BYTES_DEFAULT;
    if (bytes < min || most < 2)
        return 1;
    long long per = min / 2 > 0 ? min / 2 : 1;
    return (int)CLAMP(bytes / per, 2, most);
}

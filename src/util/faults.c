/* faults.c - the counters of the fault-injection build; see include/tna/faults.h. */
#include "tna/faults.h"

#ifdef TNA_FAULTS

#include <errno.h>
#include <glib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct fault_counter {
    const char *env; /* the variable naming the operation to fail */
    int count;       /* operations so far (atomic) */
} fault_counter;

/* Process-wide on purpose: the fault build stands in for the world outside (the disk, the
 * allocator), which is process-wide too. */
static fault_counter counters[] = {{"TNA_FAULT_WRITE", 0}, {"TNA_FAULT_ALLOC", 0}};
static int kills; /* write-class operations counted against TNA_FAULT_KILL */

static long wanted(const char *env)
{
    const char *v = getenv(env);
    return v && *v ? strtol(v, NULL, 10) : 0;
}

bool tna_fault(tna_fault_kind kind, const char *what)
{
    if (kind == TNA_FAULT_WRITE) {
        long kill_at = wanted("TNA_FAULT_KILL");
        if (kill_at > 0 && g_atomic_int_add(&kills, 1) + 1 == kill_at) {
            fprintf(stderr, "tna-faults: kill #%ld (%s)\n", kill_at, what);
            fflush(stderr);
            raise(SIGKILL);
        }
    }
    fault_counter *c = &counters[kind];
    long n = wanted(c->env);
    if (n <= 0 || g_atomic_int_add(&c->count, 1) + 1 != n)
        return false;
    fprintf(stderr, "tna-faults: %s #%ld (%s)\n", kind == TNA_FAULT_WRITE ? "write" : "alloc", n,
            what);
    errno = kind == TNA_FAULT_WRITE ? ENOSPC : ENOMEM;
    return true;
}

/* The g_try_* family, wrapped at link time (-Wl,--wrap=g_try_malloc ...): tna's own objects
 * call these, which call GLib's unless the fault fires. */
gpointer __real_g_try_malloc(gsize n);
gpointer __real_g_try_malloc0(gsize n);
gpointer __real_g_try_realloc(gpointer mem, gsize n);
gpointer __real_g_try_malloc_n(gsize blocks, gsize size);
gpointer __real_g_try_malloc0_n(gsize blocks, gsize size);
gpointer __real_g_try_realloc_n(gpointer mem, gsize blocks, gsize size);
gpointer __wrap_g_try_malloc(gsize n);
gpointer __wrap_g_try_malloc0(gsize n);
gpointer __wrap_g_try_realloc(gpointer mem, gsize n);
gpointer __wrap_g_try_malloc_n(gsize blocks, gsize size);
gpointer __wrap_g_try_malloc0_n(gsize blocks, gsize size);
gpointer __wrap_g_try_realloc_n(gpointer mem, gsize blocks, gsize size);

gpointer __wrap_g_try_malloc(gsize n)
{
    return tna_fault(TNA_FAULT_ALLOC, "g_try_malloc") ? NULL : __real_g_try_malloc(n);
}

gpointer __wrap_g_try_malloc0(gsize n)
{
    return tna_fault(TNA_FAULT_ALLOC, "g_try_malloc0") ? NULL : __real_g_try_malloc0(n);
}

gpointer __wrap_g_try_realloc(gpointer mem, gsize n)
{
    return tna_fault(TNA_FAULT_ALLOC, "g_try_realloc") ? NULL : __real_g_try_realloc(mem, n);
}

gpointer __wrap_g_try_malloc_n(gsize blocks, gsize size)
{
    return tna_fault(TNA_FAULT_ALLOC, "g_try_malloc_n") ? NULL
                                                        : __real_g_try_malloc_n(blocks, size);
}

gpointer __wrap_g_try_malloc0_n(gsize blocks, gsize size)
{
    return tna_fault(TNA_FAULT_ALLOC, "g_try_malloc0_n") ? NULL
                                                         : __real_g_try_malloc0_n(blocks, size);
}

gpointer __wrap_g_try_realloc_n(gpointer mem, gsize blocks, gsize size)
{
    return tna_fault(TNA_FAULT_ALLOC, "g_try_realloc_n")
               ? NULL
               : __real_g_try_realloc_n(mem, blocks, size);
}

#else
typedef int tna_faults_off; /* an ordinary build has nothing here (ISO C wants a declaration) */
#endif

/* barriers.c - being written (issue 5); until then this part of the planning is empty. */
#include "analysis_internal.h"

void planning_barriers(const analysis_ctx *a)
{
    (void)a;
}

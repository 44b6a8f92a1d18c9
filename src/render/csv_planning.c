/* csv_planning.c - being written (issue 5); until then it writes nothing. */
#include "render_internal.h"

tna_status csv_write_planning(const tna_results *results, tna_outputs *outputs, tna_error *err)
{
    (void)results, (void)outputs, (void)err;
    return TNA_OK;
}

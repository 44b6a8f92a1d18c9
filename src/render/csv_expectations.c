/* csv_expectations.c - being written (issue 5); until then it writes nothing. */
#include "render_internal.h"

tna_status csv_write_expectations(const tna_results *results, tna_outputs *outputs, tna_error *err)
{
    (void)results, (void)outputs, (void)err;
    return TNA_OK;
}

/* pdf.c - being written (issue 7); until then it writes nothing. */
#include "tna/render.h"

tna_status tna_render_pdf(const tna_results *results, const tna_render_options *options,
                          tna_outputs *outputs, tna_error *err)
{
    (void)results, (void)options, (void)outputs, (void)err;
    return TNA_OK;
}

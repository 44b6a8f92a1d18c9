/*
 * xlsx_welsh.c - the Commissioning sheet's Welsh-medium table: per topic, and for the whole
 * plan, the Welsh-medium learners and cohorts at the floor (those who chose Welsh) and at the
 * potential (those happy with either too), the Welsh e-learners likewise, and the Welsh
 * e-learning's cost at commissioning.welsh_medium (planning.h). Each figure is a field of the
 * commissioning CSV's total row; learners and cost are hidden with the total's learners.
 */
#include "xlsx_write.h"

lxw_row_t tna_xlsx_welsh_medium(xw *x, lxw_worksheet *ws, lxw_row_t row)
{
    const tna_planning *pl = &x->r->planning;
    tna_welsh_medium setting = x->r->model->commissioning.welsh_medium;
    tna_xw_text(x, ws, row++, 0, tna_xw_t(x, TERM_WELSH_MEDIUM_PROVISION), x->heading);
    const char *note = tna_xw_t(x, setting == TNA_WELSH_MEDIUM_AND_EITHER
                                   ? TERM_WELSH_MEDIUM_NOTE_POTENTIAL
                                   : TERM_WELSH_MEDIUM_NOTE);
    tna_xw_text(x, ws, row++, 0, note, x->note);
    const char *head[] = {tna_xw_t(x, TERM_TOPIC),
                          tna_xw_t(x, TERM_WELSH_LEARNERS_FLOOR),
                          tna_xw_t(x, TERM_WELSH_LEARNERS_POTENTIAL),
                          tna_xw_t(x, TERM_WELSH_COHORTS_FLOOR),
                          tna_xw_t(x, TERM_WELSH_COHORTS_POTENTIAL),
                          tna_xw_t(x, TERM_WELSH_ELEARNING_FLOOR),
                          tna_xw_t(x, TERM_WELSH_ELEARNING_POTENTIAL),
                          tna_xw_t(x, TERM_WELSH_ELEARNING_COST)};
    int ncols = x->costed ? 8 : 7;
    tna_xw_header(x, ws, row++, head, ncols, NULL, "tnnnnnnn");
    for (size_t i = 0; i < pl->n_totals && row < XW_ROW_LIMIT; i++, row++) {
        const tna_commissioning_total *t = &pl->totals[i];
        bool total = t->topic == TNA_NONE;
        lxw_format *nf = total ? x->bold_integer : x->integer;
        tna_xw_text(x, ws, row, 0, tna_label_topic(x->l, t->topic), total ? x->bold : x->text);
        for (int pot = 0; pot < 2; pot++) {
            tna_xw_int(x, ws, row, (lxw_col_t)(3 + pot), t->welsh_cohorts[pot], nf);
            if (t->hidden)
                continue;
            tna_xw_int(x, ws, row, (lxw_col_t)(1 + pot), t->welsh_learners[pot], nf);
            tna_xw_int(x, ws, row, (lxw_col_t)(5 + pot), t->welsh_elearning[pot], nf);
        }
        if (t->hidden)
            tna_xw_hidden(x, ws, row, 1, t->hidden);
        else if (x->costed)
            tna_xw_number(x, ws, row, 7, t->welsh_elearning_cost, total ? x->bold_money : x->money);
    }
    return row;
}

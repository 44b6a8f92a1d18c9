/*
 * notes.c - the small pieces of an export's inspection record that every init file fills:
 * its notes for the user and the clearing of one answer; see init_internal.h. A toolbox, so
 * that fields.c and unmatched.c need not call back into inspect.c, which drives them.
 */
#include <glib.h>

#include "init_internal.h"

void tna_init_note(tna_init_export *exp, char *note)
{
    exp->notes = g_renew(char *, exp->notes, exp->n_notes + 1);
    exp->notes[exp->n_notes++] = note;
}

void tna_init_answer_clear(tna_init_answer *a)
{
    g_free(a->text);
    g_free(a->nearest);
    g_free(a->nearest_name);
}

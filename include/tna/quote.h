/*
 * quote.h - text written into the formats tna writes itself: a YAML double-quoted scalar
 * (configurations tna drafts), a JSON string that is also a JavaScript string literal
 * (Qualtrics survey files, Apps Script), XML character data (LimeSurvey survey files).
 *
 * Each keeps every character the format can hold and escapes the rest: YAML and JSON escape
 * quotes, backslashes and control characters, and YAML also what its reader takes for a line
 * break (NEL, LS, PS) or refuses (C1 controls, U+FFFE, U+FFFF); JSON also escapes LS and PS,
 * which JavaScript before ES2019 takes for line breaks; XML escapes its five markup
 * characters and writes control characters XML 1.0 cannot hold as U+FFFD. Text that is not
 * UTF-8 has each bad byte written as U+FFFD.
 *
 * Memory: every function returns a new string the caller frees with g_free().
 */
#ifndef TNA_QUOTE_H
#define TNA_QUOTE_H

/* "text" with YAML double-quoted escapes, quotes included. */
char *tna_quote_yaml(const char *s);

/* "text" with JSON escapes, quotes included; valid JavaScript too. */
char *tna_quote_json(const char *s);

/* text with &amp; &lt; &gt; &quot; &apos;, for element content and attribute values. */
char *tna_quote_xml(const char *s);

#endif

/*
 * paths.h - a path as another file writes it.
 *
 * Memory: returns a new string the caller frees with g_free().
 */
#ifndef TNA_PATHS_H
#define TNA_PATHS_H

/* path relative to the directory dir, both made absolute against the current directory
 * ("../inputs/roles.yaml"); the absolute path when they share nothing but the root. */
char *tna_path_relative(const char *dir, const char *path);

#endif

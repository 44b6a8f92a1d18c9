/*
 * reference.h - the shipped reference files (inputs/: frameworks, roles, authorities,
 * barriers), compiled into the binary by tools/embed.sh, so that a bare binary can write a
 * sample dataset and read the barriers list a configuration does not name.
 *
 * Memory: static data; nothing to free.
 */
#ifndef TNA_REFERENCE_H
#define TNA_REFERENCE_H

typedef struct tna_embedded_file {
    const char *path; /* relative to inputs/, e.g. "frameworks/x.yaml" */
    const unsigned char *data;
    unsigned long size;
} tna_embedded_file;

/* Every shipped reference file; the array ends with a NULL path. */
extern const tna_embedded_file tna_reference_files[];

#endif

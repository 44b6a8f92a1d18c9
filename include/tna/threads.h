/*
 * threads.h - how many threads a stage may use: the one place that decides.
 *
 * Reading a file (in byte ranges, a worker each: ingest.h), resolving and tallying the
 * respondents (analysis.h) and rendering the workbook beside the PDF can share their work
 * among threads; each asks here how many to use. The most is the number of processors, or
 * TNA_THREADS when it is set to a whole number from 1 to TNA_THREADS_LIMIT: 1 keeps every
 * stage on the calling thread, and more than the processors is allowed (tests read a file in
 * many parts on a small machine). A job gets one thread per `min_per_thread` of its work, at
 * least one and at most the most, so a small job is never shared out: starting a thread
 * costs more than it saves.
 *
 * A file is read in parts once it has TNA_SPLIT_MIN_BYTES bytes (8 MiB unless that variable
 * says otherwise; tests set 1 to split small files), by one worker per half of that.
 *
 * Nothing is kept: the environment is read when asked.
 */
#ifndef TNA_THREADS_H
#define TNA_THREADS_H

#include <stddef.h>

#define TNA_THREADS_LIMIT           64
#define TNA_SPLIT_MIN_BYTES_DEFAULT (8L << 20)

/* TNA_THREADS when set (1 to TNA_THREADS_LIMIT), else the number of processors. */
int tna_threads_max(void);

/* Threads for `work` units at no fewer than min_per_thread each: 1 to tna_threads_max(). */
int tna_threads_for(size_t work, size_t min_per_thread);

/* Workers to read a file of `bytes`: 1 below split_min_bytes, else one per half of it, at
 * least two and at most `threads`. threads 0 means tna_threads_max(); split_min_bytes 0
 * means TNA_SPLIT_MIN_BYTES, or TNA_SPLIT_MIN_BYTES_DEFAULT. */
int tna_threads_for_file(long long bytes, int threads, long split_min_bytes);

#endif

/*
 * main.c - the tna command: parses arguments, calls the stages in order, prints what
 * happened and maps errors to the documented exit statuses (README "Command line", man/tna.1).
 * Everything else lives in the library; nothing here computes a figure.
 */
#include <glib.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "tna/analysis.h"
#include "tna/config.h"
#include "tna/counts.h"
#include "tna/console.h"
#include "tna/dq_log.h"
#include "tna/ingest.h"
#include "tna/init.h"
#include "tna/outputs.h"
#include "tna/questionnaire.h"
#include "tna/render.h"
#include "tna/sample.h"
#include "tna/threads.h"

static const char usage_text[] =
    "Usage:\n"
    "  tna run CONFIG [-o DIR] [--period P] [--lang en|cy|both] [--strict] [--wait] [--packs]\n"
    "          [--export-counts] [-q]\n"
    "  tna merge CONFIG COUNTS... [-o DIR] [--lang en|cy|both] [--wait] [--packs] [-q]\n"
    "  tna validate CONFIG [--lang en|cy|both]\n"
    "  tna sample DIR [--staff N] [--seed S]\n"
    "  tna init EXPORT... [-o CONFIG] [--force]\n"
    "  tna questionnaire CONFIG --tool T [-o DIR] [--topics ID,...]\n"
    "  tna --help | --version\n"
    "\n"
    "Commands:\n"
    "  run        read the surveys, compute the figures, write the reports\n"
    "  merge      write the reports of several councils' counts files, as if from their answers\n"
    "  validate   check the configuration and inputs; writes nothing\n"
    "  sample     write a realistic synthetic dataset and its configuration\n"
    "  init       draft a configuration for survey exports (CONFIG: tna.yaml)\n"
    "  questionnaire  write the survey for a tool (limesurvey, qualtrics, google-forms,\n"
    "             microsoft-forms, paper) and the configuration that reads its export\n"
    "\n"
    "Exit status: 0 done; 1 data problems with --strict; 2 bad usage or configuration;\n"
    "3 an input or output could not be read or written.\n";

/* Signals. SIGINT, SIGTERM and SIGHUP must not leave half-written reports behind. Until the
 * first report file exists there is nothing to clean up, so the handler ends tna at once, as
 * the signal would have (ingest of a large file is not kept waiting). From then on it only
 * records the signal: the report streams drop their output and the commit refuses
 * (outputs.h, `cancel`), the renderers finish quickly, the main path removes the staging
 * directory and then ends tna by the same signal, so that a shell, timeout or systemd sees
 * what happened. A signal ignored when tna starts (nohup, a background job) stays ignored.
 * These two flags are the only state a signal handler can share, hence static. */
static volatile sig_atomic_t interrupted; /* the signal received, 0 for none */
static volatile sig_atomic_t writing;     /* report files may exist */

static void on_signal(int sig)
{
    interrupted = sig;
    if (!writing) {
        signal(sig, SIG_DFL);
        raise(sig);
    }
}

static void catch_signals(void)
{
    const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction was, sa;
        if (sigaction(sigs[i], NULL, &was) == 0 && was.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        sigaction(sigs[i], &sa, NULL);
    }
    /* over a file-size limit (ulimit -f) write() then fails with EFBIG: exit 3, no core */
    signal(SIGXFSZ, SIG_IGN);
}

/* libxlsxwriter prints "[ERROR] ..." lines of its own when it cannot write, which tna
 * reports once in its own words. While the renderers run, stdio's stderr is a memory
 * stream; afterwards its lines are passed on, except those. (Sanitizers write to the
 * descriptor, not to the stream, so nothing of theirs is held back.) */
typedef struct held_stderr {
    FILE *real, *mem;
    char *text;
    size_t len;
} held_stderr;

static void hold_stderr(held_stderr *h)
{
    fflush(stderr);
    h->real = stderr;
    h->text = NULL;
    h->mem = open_memstream(&h->text, &h->len);
    if (h->mem)
        stderr = h->mem;
}

static void release_stderr(held_stderr *h)
{
    if (h->mem == NULL)
        return;
    stderr = h->real;
    fclose(h->mem);
    for (char *line = h->text, *next; line && *line; line = next) {
        next = strchr(line, '\n');
        next = next ? next + 1 : line + strlen(line);
        if (!g_str_has_prefix(line, "[ERROR]") && !g_str_has_prefix(line, "[WARNING]"))
            fwrite(line, 1, (size_t)(next - line), stderr);
    }
    free(h->text);
}

/* The time reports are stamped with: SOURCE_DATE_EPOCH when set (reproducible builds), so
 * the same inputs give byte-identical files; else the clock. */
static int64_t now(void)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        char *end;
        long long v = strtoll(epoch, &end, 10);
        if (*end == '\0' && v >= 0)
            return (int64_t)v;
    }
    return (int64_t)time(NULL);
}

/* The workbook and the PDF read the same results and write different files, so they are
 * rendered at once, the workbook on a second thread (unless threads.h allows one). The first
 * error (workbook first) is reported. */
typedef struct xlsx_job {
    const tna_results *res;
    const tna_render_options *ro;
    tna_outputs *out;
    tna_error err;
    tna_status status;
} xlsx_job;

static gpointer render_xlsx_thread(gpointer data)
{
    xlsx_job *job = data;
    job->status = tna_render_xlsx(job->res, job->ro, job->out, &job->err);
    return NULL;
}

static tna_status render_reports(const tna_results *res, const tna_render_options *ro,
                                 bool packs, tna_outputs *out, tna_error *err)
{
    xlsx_job job = {res, ro, out, TNA_ERROR_INIT, TNA_OK};
    held_stderr held;
    hold_stderr(&held);
    GThread *t = tna_threads_for(2, 1) > 1 ? g_thread_new("tna-xlsx", render_xlsx_thread, &job)
                                           : (render_xlsx_thread(&job), NULL);
    tna_error pdf_err = TNA_ERROR_INIT;
    tna_status pdf = tna_render_pdf(res, ro, out, &pdf_err);
    if (t)
        g_thread_join(t);
    if (job.status == TNA_OK && pdf == TNA_OK && packs && !interrupted)
        pdf = tna_render_packs(res, ro, out, &pdf_err);
    release_stderr(&held);
    if (job.status != TNA_OK) {
        *err = job.err;
        return job.status;
    }
    if (pdf != TNA_OK)
        *err = pdf_err;
    return pdf;
}

/* TNA_CUT_LABELS=1: each label a PDF cut short with an ellipsis instead of wrapping it, and
 * how many, on standard error (tests check that there are none). */
static void print_cut_label(void *data, const char *file, const char *text)
{
    (*(int *)data)++;
    fprintf(stderr, "tna: %s: label cut: %s\n", file, text);
}

/* TNA_TIMING=1 prints how long each stage took on standard error, and the peak memory so far
 * (for benchmarks). */
static void stage_done(const char *stage, gint64 *since)
{
    static const char *env_name = "TNA_TIMING";
    gint64 t = g_get_monotonic_time();
    if (getenv(env_name)) {
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr, "tna: %-8s %7.3f s  peak %6.1f MiB\n", stage, (double)(t - *since) / 1e6,
                (double)ru.ru_maxrss / 1024.0);
    }
    *since = t;
}

static int fail(const tna_error *err)
{
    char buf[TNA_ERROR_FILE_MAX + TNA_ERROR_MSG_MAX + 64];
    tna_error_format(err, buf, sizeof buf);
    fprintf(stderr, "tna: %s\n", buf);
    return tna_status_exit_code(err->code);
}

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "tna: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'tna --help'.\n");
    return 2;
}

static const char *const commands[] = {"run",  "merge",        "validate", "sample",
                                        "init", "questionnaire", NULL};

static bool is_command(const char *word)
{
    for (const char *const *c = commands; *c; c++)
        if (strcmp(word, *c) == 0)
            return true;
    return false;
}

static int unknown_command(const char *word)
{
    fprintf(stderr, "tna: unknown command '%s'; the commands are:", word);
    for (const char *const *c = commands; *c; c++)
        fprintf(stderr, " %s", *c);
    fprintf(stderr, "\nTry 'tna --help'.\n");
    return 2;
}

/* Progress on standard error, only when it is a terminal. */
static void progress(const char *path, long rows, void *ctx)
{
    (void)ctx;
    fprintf(stderr, "\r  reading %s: %ld rows", path, rows);
    fflush(stderr);
}

/* Every problem the configuration has, one "file:line:col: message" a line. */
static int fail_config(const tna_config_problems *pr)
{
    for (size_t i = 0; i < pr->n; i++) {
        char buf[TNA_ERROR_FILE_MAX + TNA_ERROR_MSG_MAX + 64];
        tna_error_format(&pr->list[i], buf, sizeof buf);
        fprintf(stderr, "tna: %s\n", buf);
    }
    if (pr->more > 0)
        fprintf(stderr, "tna: ... and %zu more problems in the configuration\n", pr->more);
    else if (pr->n > 1)
        fprintf(stderr, "tna: %zu problems in the configuration\n", pr->n);
    return pr->n > 0 ? tna_status_exit_code(pr->list[0].code) : 2;
}

typedef struct run_options {
    const char *out_dir, *period, *lang;
    gboolean strict, quiet, wait, packs, export_counts;
} run_options;

static int load(const char *config, tna_model **model)
{
    tna_config_problems *problems = g_new0(tna_config_problems, 1);
    int rc = 0;
    if (tna_config_load_all(config, model, problems) != TNA_OK)
        rc = fail_config(problems);
    g_free(problems);
    return rc;
}

static int ingest(const tna_model *model, const run_options *o, tna_dataset **ds)
{
    tna_error err = TNA_ERROR_INIT;
    tna_ingest_options io = {0};
    io.through_period = o ? o->period : NULL;
    /* io.threads 0: threads.h decides (TNA_THREADS) */
    if ((!o || !o->quiet) && isatty(STDERR_FILENO))
        io.progress = progress;
    tna_status st = tna_ingest(model, &io, ds, &err);
    if (io.progress)
        fprintf(stderr, "\r\033[K");
    if (st != TNA_OK)
        return fail(&err);
    return 0;
}

/* --lang, else the configuration's language; -1 (after saying why) when --lang is wrong. */
static int language_of(const tna_model *m, const char *lang)
{
    if (lang == NULL)
        return (int)m->language;
    for (int i = 0; i < 3; i++)
        if (strcmp(lang, tna_language_names[i]) == 0)
            return i;
    usage_error("--lang must be en, cy or both, not '%s'", lang);
    return -1;
}

static int cmd_validate(const char *config, const char *lang)
{
    tna_model *m = NULL;
    tna_dataset *ds = NULL;
    int rc = load(config, &m), language = rc == 0 ? language_of(m, lang) : 0;
    if (language < 0)
        rc = 2;
    if (rc == 0) {
        tna_console_config(stdout, m, (tna_language)language);
        rc = ingest(m, NULL, &ds);
    }
    if (rc == 0)
        tna_console_inputs(stdout, m, ds, (tna_language)language);
    tna_dataset_free(ds);
    tna_model_free(m);
    return rc;
}

static void waiting(const char *dir, long pid, void *ctx)
{
    if (!((const run_options *)ctx)->quiet)
        fprintf(stderr, "tna: waiting for another tna run (process %ld) to finish writing %s\n",
                pid, dir);
}

/* Locks the output directory for the whole run (outputs.h), so that a second run into it
 * fails at once (or waits) rather than after its ingest. NULL dir: the period is not in the
 * configuration, which ingest reports. */
static int lock_reports(const tna_model *m, const run_options *o, char **dir, tna_outputs **out)
{
    bool known = o->period == NULL;
    for (size_t p = 0; p < m->n_periods && !known; p++)
        known = strcmp(m->periods[p], o->period) == 0;
    *dir = o->out_dir ? g_strdup(o->out_dir) : known ? tna_model_output_dir(m, o->period) : NULL;
    if (*dir == NULL)
        return 0;
    *out = tna_outputs_new(*dir);
    tna_outputs_options opt = {o->wait, waiting, (void *)o, &interrupted, false};
    tna_error err = TNA_ERROR_INIT;
    if (tna_outputs_lock(*out, &opt, &err) != TNA_OK)
        return fail(&err);
    return 0;
}

/* Writes the report set of res (with the counts file of tallies, when given) and commits
 * it. log: the data-quality log of a run over raw answers, NULL in a merge. */
static int publish(const tna_results *res, const tna_dq_log *log,
                   const tna_tallies *tallies, bool packs, tna_language language,
                   tna_outputs *out, const char *dir, gint64 *clock)
{
    tna_error err = TNA_ERROR_INIT;
    int rc = 0;
    writing = 1;
    tna_render_options ro = {.language = language, .now = now()};
    int cut_labels = 0;
    if (getenv("TNA_CUT_LABELS")) {
        ro.cut_label = print_cut_label;
        ro.cut_label_data = &cut_labels;
    }
    tna_status st = tna_render_csv(res, log, out, &err);
    if (st == TNA_OK && tallies != NULL) {
        char *name = g_strdup_printf("counts-%s.csv", res->periods[res->n_periods - 1].period);
        FILE *fp;
        st = tna_outputs_open(out, name, &fp, &err);
        if (st == TNA_OK)
            tna_counts_write(tallies, fp);
        g_free(name);
    }
    stage_done("csv", clock);
    if (st == TNA_OK && !interrupted)
        st = render_reports(res, &ro, packs, out, &err);
    stage_done("reports", clock);
    if (ro.cut_label)
        fprintf(stderr, "tna: labels cut: %d\n", cut_labels);
    bool committed = false;
    if (st == TNA_OK && !interrupted)
        committed = (st = tna_outputs_commit(out, &err)) == TNA_OK;
    stage_done("commit", clock);
    if (interrupted && !committed) {
        fprintf(stderr, "tna: interrupted; the reports in %s were left as they were\n", dir);
        rc = 128 + interrupted;
    } else if (st != TNA_OK) {
        rc = fail(&err);
    }
    return rc;
}

static int cmd_run(const char *config, const run_options *o)
{
    tna_model *m = NULL;
    tna_dataset *ds = NULL;
    tna_results *res = NULL;
    tna_outputs *out = NULL;
    tna_error err = TNA_ERROR_INIT;
    gint64 clock = g_get_monotonic_time();
    int rc = load(config, &m);
    stage_done("config", &clock);
    int language = rc == 0 ? language_of(m, o->lang) : 0;
    if (language < 0)
        rc = 2;
    char *dir = NULL;
    if (rc == 0)
        rc = lock_reports(m, o, &dir, &out);
    if (rc == 0)
        rc = ingest(m, o, &ds);
    stage_done("ingest", &clock);
    if (rc == 0 && ds->n_periods == 0)
        rc = usage_error("%s", "no period to analyse");
    tna_tallies *tallies = NULL;
    if (rc == 0 && tna_analyse_counted(m, ds, o->export_counts ? &tallies : NULL, &res, &err) !=
                       TNA_OK)
        rc = fail(&err);
    tna_dataset_release_rows(ds); /* the reports read the results, and only the log of ds */
    stage_done("analyse", &clock);
    if (rc == 0)
        rc = publish(res, tna_dq_log_of(ds), tallies, o->packs, (tna_language)language, out,
                     dir, &clock);
    if (rc == 0 && !o->quiet && !interrupted)
        tna_console_run(stdout, m, ds, res, out, dir, (tna_language)language);
    if (rc == 0 && o->strict && tna_dataset_problems(ds) > 0) {
        fprintf(stderr, "tna: %ld data-quality problems (--strict)\n", tna_dataset_problems(ds));
        rc = 1;
    }
    g_free(dir);
    tna_outputs_free(out);
    tna_tallies_free(tallies);
    tna_results_free(res);
    tna_dataset_free(ds);
    tna_model_free(m);
    return rc;
}

/* tna merge CONFIG COUNTS...: the reports of the councils' counts files, as if tna had read
 * all their answers. */
static int cmd_merge(const char *config, const char *const *paths, size_t n, const run_options *o)
{
    tna_model *m = NULL;
    tna_tallies *tallies = NULL;
    tna_results *res = NULL;
    tna_outputs *out = NULL;
    tna_error err = TNA_ERROR_INIT;
    gint64 clock = g_get_monotonic_time();
    char *dir = NULL;
    int rc = load(config, &m);
    int language = rc == 0 ? language_of(m, o->lang) : 0;
    if (language < 0)
        rc = 2;
    if (rc == 0 && m->n_periods == 0)
        rc = usage_error("%s", "no period to analyse");
    if (rc == 0)
        rc = lock_reports(m, o, &dir, &out);
    if (rc == 0 && tna_counts_merge(m, paths, n, &tallies, &err) != TNA_OK)
        rc = fail(&err);
    stage_done("merge", &clock);
    if (rc == 0 && tna_analyse_tallies(m, tallies, &res, &err) != TNA_OK)
        rc = fail(&err);
    stage_done("analyse", &clock);
    if (rc == 0)
        rc = publish(res, NULL, NULL, o->packs, (tna_language)language, out, dir, &clock);
    if (rc == 0 && !o->quiet && !interrupted)
        tna_console_merge(stdout, m, n, res, out, dir, (tna_language)language);
    g_free(dir);
    tna_outputs_free(out);
    tna_results_free(res);
    tna_tallies_free(tallies);
    tna_model_free(m);
    return rc;
}

static int cmd_sample(const char *dir, int staff, int seed)
{
    tna_error err = TNA_ERROR_INIT;
    if (staff < 1)
        return usage_error("--staff must be at least 1, not '%s'", "0");
    if (tna_sample_write(dir, staff, (unsigned)seed, &err) != TNA_OK)
        return fail(&err);
    printf("sample dataset for %d staff written to %s; run: tna run %s/tna.yaml\n", staff, dir,
           dir);
    return 0;
}

/* tna init: the library drafts, main prints what it did and what is left. */
static int cmd_init(char **exports, int n, const char *config, bool force)
{
    tna_init_options io = {(const char *const *)exports, (size_t)n, config, force, now()};
    tna_init_report *report = NULL;
    tna_error err = TNA_ERROR_INIT;
    tna_status st = tna_init_write(&io, &report, &err);
    for (size_t i = 0; report && i < report->n_done; i++)
        printf("  %s\n", report->done[i]);
    int rc = st == TNA_OK ? 0 : fail(&err);
    if (st == TNA_OK && report->n_todo > 0) {
        printf("%s:\n", report->runs ? "it runs as it is; left for you to check"
                                     : "left for you before it runs");
        for (size_t i = 0; i < report->n_todo; i++)
            printf("  - %s\n", report->todo[i]);
    }
    tna_init_report_free(report);
    return rc;
}

/* tna questionnaire: --topics is a comma-separated list of topic ids. */
static int cmd_questionnaire(const char *config, const char *tool, const char *dir,
                             const char *topics)
{
    char **ids = topics ? g_strsplit(topics, ",", -1) : NULL;
    size_t n = 0;
    for (size_t i = 0; ids && ids[i]; i++)
        if (*g_strstrip(ids[i]))
            ids[n++] = ids[i];
        else
            g_free(ids[i]);
    if (ids)
        ids[n] = NULL;
    tna_questionnaire_options qo = {config, tool, dir, (const char *const *)ids, n, now()};
    tna_questionnaire_report *report = NULL;
    tna_error err = TNA_ERROR_INIT;
    int rc = tna_questionnaire_write(&qo, &report, &err) == TNA_OK ? 0 : fail(&err);
    if (rc == 0) {
        printf("questionnaire for %s: %zu questions, %zu skills rated; wrote:\n", tool,
               report->n_questions, report->n_skills);
        for (size_t i = 0; i < report->n_files; i++)
            printf("  %s\n", report->files[i]);
        for (size_t i = 0; i < report->n_notes; i++)
            printf("%s  - %s\n", i == 0 ? "next:\n" : "", report->notes[i]);
    }
    tna_questionnaire_report_free(report);
    g_strfreev(ids);
    return rc;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C");
    run_options o = {0};
    gboolean version = FALSE, force = FALSE;
    char *tool = NULL, *topics = NULL;
    int staff = 2000, seed = 1;
    GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.out_dir, "write reports into DIR", "DIR"},
        {"period", 0, 0, G_OPTION_ARG_STRING, &o.period, "make P the current period", "P"},
        {"lang", 0, 0, G_OPTION_ARG_STRING, &o.lang, "report language: en, cy or both", "L"},
        {"strict", 0, 0, G_OPTION_ARG_NONE, &o.strict, "exit 1 when there are data problems", NULL},
        {"quiet", 'q', 0, G_OPTION_ARG_NONE, &o.quiet, "print nothing but errors", NULL},
        {"wait", 0, 0, G_OPTION_ARG_NONE, &o.wait, "wait for another run writing DIR", NULL},
        {"packs", 0, 0, G_OPTION_ARG_NONE, &o.packs, "also a report for each council and region",
         NULL},
        {"export-counts", 0, 0, G_OPTION_ARG_NONE, &o.export_counts,
         "also write counts-PERIOD.csv, for tna merge", NULL},
        {"staff", 0, 0, G_OPTION_ARG_INT, &staff, "sample: number of staff (2000)", "N"},
        {"seed", 0, 0, G_OPTION_ARG_INT, &seed, "sample: random seed (1)", "S"},
        {"version", 'V', 0, G_OPTION_ARG_NONE, &version, "print the version", NULL},
        {"force", 0, 0, G_OPTION_ARG_NONE, &force, "init: replace an existing CONFIG", NULL},
        {"tool", 0, 0, G_OPTION_ARG_STRING, &tool, "questionnaire: the survey tool", "T"},
        {"topics", 0, 0, G_OPTION_ARG_STRING, &topics, "questionnaire: topic ids", "ID,..."},
        {NULL, 0, 0, 0, NULL, NULL, NULL}};
    GOptionContext *ctx = g_option_context_new("COMMAND ARGUMENT");
    g_option_context_set_help_enabled(ctx, FALSE);
    g_option_context_add_main_entries(ctx, entries, NULL);
    GError *gerr = NULL;
    bool help = false;
    for (int i = 1; i < argc; i++)
        help |= strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0;
    int rc = 0;
    if (help) {
        fputs(usage_text, stdout);
        printf("\nOptions:\n  -o, --output DIR   write reports into DIR instead of output.dir\n"
               "  --period P         analyse up to period P (it becomes the current one)\n"
               "  --lang L           report language: en, cy or both\n"
               "  --strict           exit 1 when any row was rejected or answer not understood\n"
               "  --wait             when another run is writing DIR, wait for it (default: fail)\n"
               "  --packs            also write packs/ID/: a report for each council and region\n"
               "  --export-counts    also write counts-PERIOD.csv: the run's counts, for merge\n"
               "  -q, --quiet        print nothing but errors\n"
               "  --staff N, --seed S  for sample\n"
               "  --force            init: replace an existing CONFIG (-o CONFIG names it)\n"
               "  --tool T           questionnaire: limesurvey, qualtrics, google-forms,\n"
               "                     microsoft-forms or paper (-o DIR: where the files go)\n"
               "  --topics ID,...    questionnaire: only these topics (default: every one)\n"
               "  -V, --version      print the version\n");
    } else if (!g_option_context_parse(ctx, &argc, &argv, &gerr)) {
        rc = usage_error("%s", gerr->message);
        g_error_free(gerr);
    } else if (version) {
        printf("tna %s\n", TNA_VERSION);
    } else if (argc < 2) {
        fputs(usage_text, stderr);
        rc = 2;
    } else if (!is_command(argv[1])) {
        rc = unknown_command(argv[1]);
    } else if (strcmp(argv[1], "init") == 0) {
        rc = argc < 3 ? usage_error("'%s' takes the survey exports to read", argv[1])
                      : cmd_init(argv + 2, argc - 2, o.out_dir, force);
    } else if (strcmp(argv[1], "questionnaire") == 0 && argc == 3) {
        rc = cmd_questionnaire(argv[2], tool, o.out_dir, topics);
    } else if (strcmp(argv[1], "merge") == 0) {
        if (argc < 4) {
            rc = usage_error("'%s' takes a configuration and at least one counts file", argv[1]);
        } else if (o.period || o.strict || o.export_counts) {
            rc = usage_error("%s", "merge takes -o, --lang, --wait, --packs and -q only");
        } else {
            catch_signals();
            rc = cmd_merge(argv[2], (const char *const *)argv + 3, (size_t)argc - 3, &o);
        }
    } else if (argc != 3) {
        rc = usage_error("'%s' takes exactly one argument", argv[1]);
    } else if (strcmp(argv[1], "run") == 0) {
        catch_signals();
        rc = cmd_run(argv[2], &o);
    } else if (strcmp(argv[1], "validate") == 0) {
        rc = cmd_validate(argv[2], o.lang);
    } else {
        rc = cmd_sample(argv[2], staff, seed);
    }
    g_option_context_free(ctx);
    g_free((char *)o.out_dir);
    g_free((char *)o.period);
    g_free((char *)o.lang);
    g_free(tool);
    g_free(topics);
    if (interrupted) { /* everything is cleaned up: end as the signal would have */
        fflush(NULL);
        signal(interrupted, SIG_DFL);
        raise(interrupted);
    }
    return rc;
}

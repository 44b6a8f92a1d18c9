# tna - training-needs analysis and reporting engine.
#
#   make run      install missing build dependencies, build, run on the shipped inputs
#   make test     also install the test tools, then run the whole test suite;
#                 T=/ingest/long-format runs one unit test, T=tests/cli/NAME.sh one script
#   make check    the tests built with AddressSanitizer and UndefinedBehaviorSanitizer
#   make fuzz     the libFuzzer harnesses, each for FUZZ_SECONDS (60) (installs clang)
#   make install  PREFIX=/usr/local DESTDIR=
#   V=1           show the full commands
#
# Sources: every src/**/*.c goes into the library (build/libtna.a) except src/main.c;
# every tests/unit/test_*.c is a test program linked against it. make check passes BUILD,
# SANITIZE and OPT to the tests in the environment, so a test that runs make (install.sh)
# builds the same way.

PREFIX ?= /usr/local
DESTDIR ?=
BUILD ?= build
CC ?= cc
SANITIZE ?=

PKGS := glib-2.0 yaml-0.1 xlsxwriter pangocairo cairo cairo-pdf
VERSION := $(shell cat VERSION 2>/dev/null || echo 0.0.0)

ifeq ($(V),1)
Q :=
else
Q := @
endif

OPT ?= -O2
WARN := -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wno-unused-parameter -Werror=missing-braces
ifeq ($(CI),true)
WARN += -Werror
endif
CPPFLAGS += -Iinclude -I$(BUILD)/gen -DTNA_VERSION='"$(VERSION)"' -DTNA_DATADIR='"$(PREFIX)/share/tna"' -D_GNU_SOURCE
CFLAGS ?= $(OPT) -g
CFLAGS += -std=c11 $(WARN) -pthread
ifneq ($(SANITIZE),)
CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SANITIZE)
endif

PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS += $(PKG_LIBS) -lcsv -lm -pthread

LIB_SRC := $(filter-out src/main.c,$(shell find src -name '*.c' | sort))
LIB_OBJ := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/reference.o $(BUILD)/gen/glossary.o
REFERENCE := inputs/roles.yaml inputs/authorities.yaml inputs/barriers.yaml $(wildcard inputs/frameworks/*.yaml)
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
HEADERS := $(shell find include src -name '*.h') $(BUILD)/gen/glossary.h

.PHONY: all deps test-deps run test check unit install uninstall clean format verify bench fuzz fuzz-harnesses
all: $(BUILD)/tna

$(BUILD)/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/gen/reference.c: $(REFERENCE) tools/embed.sh
	@mkdir -p $(dir $@)
	$(Q)sh tools/embed.sh inputs > $@

$(BUILD)/gen/reference.o: $(BUILD)/gen/reference.c
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# Every fixed word of the reports: docs/glossary.tsv compiled into an enum and a table.
$(BUILD)/gen/glossary.h: docs/glossary.tsv tools/glossary.sh
	@mkdir -p $(dir $@)
	$(Q)sh tools/glossary.sh h docs/glossary.tsv > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/glossary.c: docs/glossary.tsv tools/glossary.sh
	@mkdir -p $(dir $@)
	$(Q)sh tools/glossary.sh c docs/glossary.tsv > $@.tmp && mv $@.tmp $@

$(BUILD)/gen/glossary.o: $(BUILD)/gen/glossary.c $(BUILD)/gen/glossary.h
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/libtna.a: $(LIB_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BUILD)/tna: $(BUILD)/src/main.o $(BUILD)/libtna.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libtna.a $(HEADERS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  TEST-CC $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -Itests/unit -o $@ $< $(BUILD)/libtna.a $(LDFLAGS) $(LDLIBS)

# The fault-injection build (include/tna/faults.h): the sources that include tna/faults.h
# compiled again with -DTNA_FAULTS and linked ahead of the library, with GLib's g_try_*
# allocators wrapped by counting ones. Tests find it beside tna as tna-faults.
FAULT_SRC := $(shell grep -l 'tna/faults.h' $(LIB_SRC))
FAULT_OBJ := $(FAULT_SRC:%.c=$(BUILD)/faults/%.o)
FAULT_WRAP := $(foreach f,malloc malloc0 realloc malloc_n malloc0_n realloc_n,-Wl,--wrap=g_try_$(f))

$(BUILD)/faults/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $< (faults)")
	$(Q)$(CC) $(CPPFLAGS) -DTNA_FAULTS $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

$(BUILD)/tna-faults: $(BUILD)/src/main.o $(FAULT_OBJ) $(BUILD)/libtna.a
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) $(FAULT_WRAP) -o $@ $^ $(LDLIBS)

# Fuzzing (docs/fuzzing.md): every tests/fuzz/fuzz_NAME.c is a libFuzzer harness. `make
# unit` also links each with tests/fuzz/replay.c, which `make test` and `make check` run over
# its seeds (tests/fuzz/corpus/NAME) and regression inputs (tests/fuzz/regressions/NAME).
# `make fuzz` builds them with clang, libFuzzer, ASan and UBSan in build-fuzz and runs each
# for FUZZ_SECONDS.
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES := $(FUZZ_SRC:tests/fuzz/fuzz_%.c=%)
REPLAY_BIN := $(FUZZ_NAMES:%=$(BUILD)/fuzz/replay_%)
FUZZ_SECONDS ?= 60

$(BUILD)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(BUILD)/libtna.a $(HEADERS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZ-CC $< (replay)")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) $(PKG_CFLAGS) -o $@ $< tests/fuzz/replay.c $(BUILD)/libtna.a $(LDFLAGS) $(LDLIBS)

$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(BUILD)/libtna.a $(HEADERS)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  FUZZ-CC $<")
	$(Q)$(CC) $(CPPFLAGS) $(CFLAGS) -fsanitize=fuzzer $(PKG_CFLAGS) -o $@ $< $(BUILD)/libtna.a $(LDFLAGS) $(LDLIBS)

fuzz-harnesses: $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)

fuzz:
	$(Q)sh tools/deps.sh fuzz
	$(Q)$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang OPT=-O1 \
	  SANITIZE=fuzzer-no-link,address,undefined fuzz-harnesses
	$(Q)sh tests/fuzz/run.sh build-fuzz $(FUZZ_SECONDS) $(FUZZ_NAMES)

# Dependencies from Debian's packages; only what is missing is installed. make run needs
# what building and running need; the tests also read the reports with LibreOffice, openpyxl,
# qpdf, poppler and valgrind.
deps:
	$(Q)sh tools/deps.sh

test-deps:
	$(Q)sh tools/deps.sh test

run: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)$(BUILD)/tna run inputs/tna.yaml

unit: $(BUILD)/tna $(BUILD)/tna-faults $(TEST_BIN) $(REPLAY_BIN)

test: test-deps
	$(Q)$(MAKE) --no-print-directory unit
	$(Q)BUILD=$(BUILD) T="$(T)" sh tests/run.sh

check: test-deps
	$(Q)$(MAKE) --no-print-directory BUILD=build-san SANITIZE=address,undefined OPT=-O1 unit
	$(Q)BUILD=build-san SANITIZE=address,undefined OPT=-O1 ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=$(CURDIR)/tests/tools/lsan.supp:print_suppressions=0 \
	  UBSAN_OPTIONS=print_stacktrace=1 T="$(T)" sh tests/run.sh

verify: deps all
	$(Q)sh tools/verify.sh

bench: deps all
	$(Q)sh tools/bench.sh

install: $(BUILD)/tna
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/man/man5 $(DESTDIR)$(PREFIX)/share/tna/frameworks
	install -m 755 $(BUILD)/tna $(DESTDIR)$(PREFIX)/bin/tna
	install -m 644 man/tna.1 $(DESTDIR)$(PREFIX)/share/man/man1/tna.1
	install -m 644 man/tna.yaml.5 $(DESTDIR)$(PREFIX)/share/man/man5/tna.yaml.5
	install -m 644 inputs/roles.yaml inputs/authorities.yaml inputs/barriers.yaml \
	  $(DESTDIR)$(PREFIX)/share/tna/
	install -m 644 inputs/frameworks/*.yaml $(DESTDIR)$(PREFIX)/share/tna/frameworks/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/tna $(DESTDIR)$(PREFIX)/share/man/man1/tna.1 \
	  $(DESTDIR)$(PREFIX)/share/man/man5/tna.yaml.5
	rm -rf $(DESTDIR)$(PREFIX)/share/tna

format:
	clang-format -i $$(find src include tests/unit tests/fuzz -name '*.[ch]')

clean:
	rm -rf build build-san build-fuzz

# bangban — the front desk of a community party-and-masses service centre.
#
#   make            build ./bangban
#   make run        install what is missing, build, open the demo database
#   make test       install what is missing, build with ASan+UBSan, run every suite
#   make test-unit, make test-cli, make test-e2e    one suite (unit: cmocka; cli; e2e: tmux)
#   make test-e2e T=residents   one test of a suite (T=tests/e2e/residents.sh too);
#                   make test T="e2e/residents unit/codec cli"  any tests and suites
#                   (see tests/run.sh); every one ends with "N passed, N failed"
#   make bench      timings on district-scale generated data
#   make fuzz       each libFuzzer harness of tests/fuzz/ for 60 s (FUZZ_SECONDS=N)
#   make reliability  crash loop, eight writers, full disk, backup under load (minutes)
#   make install    PREFIX=/usr/local DESTDIR=  (and make uninstall)
#   make po         refresh locale/bangban.pot and merge it into locale/zh_CN.po
#   make format     clang-format every C file
#   make clean

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share
LOCALEDIR  ?= $(DATADIR)/locale
MANDIR     ?= $(DATADIR)/man
DESTDIR    ?=
PKG_CONFIG ?= pkg-config
INSTALL    ?= install
VERSION     = 0.1.0
# The builds the two commands start compile this many files at once (one a core).
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)

PKGS = ncursesw sqlite3 icu-uc icu-i18n xlsxwriter libzip expat nettle libcrypt

# Warnings: htop's set, all errors.
WARN = -Wall -Wextra -Werror -pedantic -Wcast-align -Wcast-qual -Wfloat-equal -Wformat=2 \
       -Winit-self -Wmissing-format-attribute -Wmissing-noreturn -Wmissing-prototypes \
       -Wpointer-arith -Wshadow -Wstrict-prototypes -Wundef -Wunused -Wwrite-strings \
       -Wvla -Wno-overlength-strings
BASE_CPPFLAGS = -D_XOPEN_SOURCE=700 -D_XOPEN_SOURCE_EXTENDED -D_DEFAULT_SOURCE \
       -DBANGBAN_VERSION=\"$(VERSION)\" -DLOCALEDIR=\"$(LOCALEDIR)\" -I. -Ibuild/gen \
       $(shell $(PKG_CONFIG) --cflags-only-I $(PKGS) 2>/dev/null)
# Not linked: src/shlib.c opens these libraries when first called (a workbook read or written,
# names sorted in pinyin order), by the sonames of those built against. Linked, with libcrypto and
# libstdc++ they brought, they were 13 ms of the first screen's 33.
LAZY_PKGS = xlsxwriter libzip icu-uc icu-i18n
# A library's soname and the Debian package holding it, read from the library built against.
lib_path = $(shell $(CC) -print-file-name=$(1))
soname = $(shell objdump -p "$(call lib_path,$(1))" 2>/dev/null | sed -n 's/^ *SONAME *//p')
lib_package = $(shell dpkg -S "$(dir $(realpath $(call lib_path,$(1))))$(2)" 2>/dev/null | sed -n '1s/:.*//p')
lazy_lib = -DBANGBAN_$(1)=\"$(2)\" -DBANGBAN_$(1)_PACKAGE=\"$(call lib_package,$(3),$(2))\"
lazy_soname = $(or $(call soname,$(1)),$(error cannot read the soname of $(1) (objdump, from binutils, reads it)))
LAZY_CPPFLAGS = $(call lazy_lib,LIBZIP,$(call lazy_soname,libzip.so),libzip.so) \
                $(call lazy_lib,LIBXLSXWRITER,$(call lazy_soname,libxlsxwriter.so),libxlsxwriter.so) \
                $(call lazy_lib,LIBICUI18N,$(call lazy_soname,libicui18n.so),libicui18n.so)
LIBS = $(shell $(PKG_CONFIG) --libs $(filter-out $(LAZY_PKGS),$(PKGS)) 2>/dev/null) -pthread -ldl
CFLAGS ?= -O2 -g
REL_CFLAGS  = -std=c17 -pthread $(WARN) $(BASE_CPPFLAGS) -DNDEBUG $(CPPFLAGS) $(CFLAGS)
SAN         = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
ASAN_CFLAGS = -std=c17 -pthread $(WARN) $(BASE_CPPFLAGS) -O1 -g $(SAN)

CORE_SRC = $(filter-out src/main.c src/pinyin_gen.c,$(sort $(wildcard src/*.c))) \
           build/gen/pinyin_table.c
DB_SRC   = $(sort $(wildcard db/*.c)) build/gen/migrations.c build/gen/seed.c
SVC_SRC  = $(sort $(wildcard app/*.c))
UI_SRC   = $(sort $(wildcard ui/*.c))
CLI_SRC  = $(sort $(wildcard cli/*.c))
APP_SRC  = $(CORE_SRC) $(DB_SRC) $(SVC_SRC) $(UI_SRC) $(CLI_SRC) src/main.c
MIGRATIONS = $(sort $(wildcard db/migrations/*.sql))
SEEDS      = $(sort $(wildcard db/seed/*.csv))

REL_OBJ  = $(APP_SRC:%.c=build/rel/%.o)
ASAN_OBJ = $(APP_SRC:%.c=build/asan/%.o)
# What the unit tests link: the core, the stores and app/, never the screen.
ASAN_LIB_OBJ = $(CORE_SRC:%.c=build/asan/%.o) $(DB_SRC:%.c=build/asan/%.o) $(SVC_SRC:%.c=build/asan/%.o)
UNIT_SRC = $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN = $(UNIT_SRC:%.c=build/asan/%)
BENCH_SRC = $(sort $(wildcard tests/bench/*.c))
BENCH_BIN = $(BENCH_SRC:%.c=build/rel/%)
REL_LIB_OBJ = $(CORE_SRC:%.c=build/rel/%.o) $(DB_SRC:%.c=build/rel/%.o) $(SVC_SRC:%.c=build/rel/%.o) \
              $(UI_SRC:%.c=build/rel/%.o)

MO = build/locale/zh_CN/LC_MESSAGES/bangban.mo

# What each target needs from Debian: kind:name:package (pc = pkg-config module).
BUILD_NEEDS = cmd:cc:build-essential cmd:pkg-config:pkg-config cmd:msgfmt:gettext \
              pc:ncursesw:libncurses-dev pc:sqlite3:libsqlite3-dev pc:icu-i18n:libicu-dev \
              pc:xlsxwriter:libxlsxwriter-dev pc:libzip:libzip-dev pc:expat:libexpat1-dev \
              pc:nettle:nettle-dev pc:libcrypt:libcrypt-dev
# The fuzz harnesses need clang and its libFuzzer runtime (file: a path that must exist).
FUZZ_NEEDS  = cmd:clang:clang \
              file:$(shell clang -print-runtime-dir 2>/dev/null)/libclang_rt.fuzzer-$(shell uname -m).a:libclang-rt-14-dev
TEST_NEEDS  = $(BUILD_NEEDS) pc:cmocka:libcmocka-dev cmd:tmux:tmux cmd:xgettext:gettext \
              cmd:sqlite3:sqlite3 cmd:groff:groff-base cmd:pgrep:procps cmd:unzip:unzip \
              cmd:inotifywait:inotify-tools cmd:flock:util-linux $(FUZZ_NEEDS) $(PRINT_NEEDS)
# The receipt's print test: paps lays it out in a CJK monospace font, Ghostscript draws it.
PRINT_NEEDS = cmd:paps:paps cmd:gs:ghostscript cmd:fc-list:fontconfig \
              file:/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc:fonts-wqy-zenhei

# XDG data directory for the demo database of `make run`.
XDG_DATA_HOME ?= $(HOME)/.local/share
DEMO_DB ?= $(XDG_DATA_HOME)/bangban/demo.db

.PHONY: all check-calls run test test-unit test-cli test-e2e bench fuzz reliability install uninstall po format clean deps deps-test check-layers check-chrome unit
.DELETE_ON_ERROR:

all: check-layers check-chrome bangban check-calls $(MO)

# --- dependencies ---------------------------------------------------------
# Install what is missing through apt-get when root; otherwise print the
# one command to run and stop.
define NEEDS
missing=""; \
for n in $(1); do \
  kind=$${n%%:*}; rest=$${n#*:}; name=$${rest%%:*}; pkg=$${rest#*:}; \
  case $$kind in \
    pc) $(PKG_CONFIG) --exists $$name 2>/dev/null || missing="$$missing $$pkg" ;; \
    cmd) command -v $$name >/dev/null 2>&1 || missing="$$missing $$pkg" ;; \
    file) [ -e "$$name" ] || missing="$$missing $$pkg" ;; \
  esac; \
done; \
missing=$$(printf '%s\n' $$missing | sort -u | tr '\n' ' '); \
if [ -n "$${missing% }" ]; then \
  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
    echo "bangban: installing $$missing"; \
    export DEBIAN_FRONTEND=noninteractive; \
    apt-get install -y -qq --no-install-recommends $$missing >/dev/null 2>&1 || \
    { apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; } || exit 1; \
  else \
    echo "bangban needs Debian packages that are missing. Run:"; \
    echo "  sudo apt-get install $$missing"; exit 1; \
  fi; \
fi
endef

deps:
	@$(call NEEDS,$(BUILD_NEEDS))
deps-test:
	@$(call NEEDS,$(TEST_NEEDS))

# --- layers ---------------------------------------------------------------
# src/ <- db/ <- app/ <- ui/, cli/; src/main.c alone ties them. On includes
# (before building): curses only in ui/, sqlite3.h only in db/, SQL only in
# db/, and no file reaches up a layer. On calls (after building,
# tests/layer-calls.sh): no object uses a symbol of a layer above it.
LAYER_FILES = $(wildcard src/*.[ch] db/*.[ch] app/*.[ch] ui/*.[ch] cli/*.[ch])
check-layers:
	@bad=$$(grep -lE '#include *[<"](ncursesw/)?n?curses\.h[>"]' $(filter-out ui/%,$(LAYER_FILES)) 2>/dev/null); \
	 [ -z "$$bad" ] || { echo "layer check: curses included outside ui/: $$bad"; exit 1; }; \
	 bad=$$(grep -lE '#include *[<"]sqlite3\.h[>"]' $(filter-out db/%,$(LAYER_FILES)) 2>/dev/null); \
	 [ -z "$$bad" ] || { echo "layer check: sqlite3.h included outside db/: $$bad"; exit 1; }; \
	 bad=$$(grep -lE '#include *"(\.\./)?(ui|db|app|cli)/' $(filter-out src/main.c,$(filter src/%,$(LAYER_FILES))) 2>/dev/null); \
	 [ -z "$$bad" ] || { echo "layer check: src/ reaches up a layer: $$bad"; exit 1; }; \
	 bad=$$(grep -lE '#include *"(\.\./)?(ui|app|cli)/' $(filter db/%,$(LAYER_FILES)) 2>/dev/null); \
	 [ -z "$$bad" ] || { echo "layer check: db/ reaches up a layer: $$bad"; exit 1; }; \
	 bad=$$(grep -lE '#include *"(\.\./)?(ui|cli)/' $(filter app/%,$(LAYER_FILES)) 2>/dev/null); \
	 [ -z "$$bad" ] || { echo "layer check: app/ reaches up a layer: $$bad"; exit 1; }; \
	 bad=$$(grep -lE '#include *"(\.\./)?cli/' $(filter ui/%,$(LAYER_FILES)) 2>/dev/null; \
	        grep -lE '#include *"(\.\./)?ui/' $(filter cli/%,$(LAYER_FILES)) 2>/dev/null); \
	 [ -z "$$bad" ] || { echo "layer check: ui/ and cli/ reach into each other: $$bad"; exit 1; }; \
	 bad=$$(grep -lE 'sqlite3_|SELECT |INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|PRAGMA |CREATE (TABLE|INDEX)' $(filter-out db/%,$(LAYER_FILES)) 2>/dev/null); \
	 [ -z "$$bad" ] || { echo "layer check: SQL outside db/: $$bad"; exit 1; }

check-calls: bangban
	@sh tests/layer-calls.sh src "$(CORE_SRC:%.c=build/rel/%.o)" db "$(DB_SRC:%.c=build/rel/%.o)" \
	  app "$(SVC_SRC:%.c=build/rel/%.o)" ui "$(UI_SRC:%.c=build/rel/%.o)" \
	  cli "$(CLI_SRC:%.c=build/rel/%.o)"

# The program's own text (string literals and the Chinese catalogue) holds no
# character of East-Asian ambiguous width: terminals set to draw them wide
# (PuTTY's and xterm's CJK setting) would shift the rows (tests/tools/chrome_width.c).
build/tools/chrome_width: tests/tools/chrome_width.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 $(WARN) -D_XOPEN_SOURCE=700 -O1 -o $@ $< $(shell $(PKG_CONFIG) --cflags --libs icu-uc)

# Workbooks for the tests of the workbook reader, written by libxlsxwriter (tests/tools/xlsx_make.c).
build/tools/xlsx_make: tests/tools/xlsx_make.c
	@mkdir -p $(dir $@)
	$(CC) -std=c17 $(WARN) -D_XOPEN_SOURCE=700 -O1 -o $@ $< $(shell $(PKG_CONFIG) --cflags --libs xlsxwriter)

check-chrome: build/tools/chrome_width
	@build/tools/chrome_width $(LAYER_FILES) locale/zh_CN.po

# --- build ------------------------------------------------------------------
bangban: $(REL_OBJ)
	$(CC) $(REL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

build/asan/bangban: $(ASAN_OBJ)
	$(CC) $(ASAN_CFLAGS) -o $@ $^ $(LIBS)

build/rel/src/shlib.o build/asan/src/shlib.o: BASE_CPPFLAGS += $(LAZY_CPPFLAGS)
build/rel/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -MMD -MP -c $< -o $@

build/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ASAN_CFLAGS) -MMD -MP -c $< -o $@

# Migrations are embedded in the binary as C strings.
build/gen/migrations.c: $(MIGRATIONS) db/embed-sql.sh
	@mkdir -p $(dir $@)
	sh db/embed-sql.sh $(MIGRATIONS) > $@

# The demo district's ledgers are embedded the same way.
build/gen/seed.c: $(SEEDS) db/embed-seed.sh
	@mkdir -p $(dir $@)
	sh db/embed-seed.sh $(SEEDS) > $@

# Readings of every ideograph, asked of ICU once at build time (src/pinyin_gen.c).
build/gen/pinyin_gen: src/pinyin_gen.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $< $(shell $(PKG_CONFIG) --cflags --libs icu-i18n icu-uc)

build/gen/pinyin_table.c: build/gen/pinyin_gen
	$< > $@.tmp && mv $@.tmp $@

$(MO): locale/zh_CN.po
	@mkdir -p $(dir $@)
	msgfmt -c -o $@ $<

build/asan/tests/unit/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(ASAN_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(ASAN_CFLAGS) -Wno-missing-prototypes -o $@ $< $(ASAN_LIB_OBJ) $(LIBS) \
	  $(shell $(PKG_CONFIG) --libs cmocka $(LAZY_PKGS) 2>/dev/null)

build/rel/tests/bench/%: tests/bench/%.c tests/bench/bench.h $(REL_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -o $@ $< $(REL_LIB_OBJ) $(LIBS)

-include $(REL_OBJ:.o=.d) $(ASAN_OBJ:.o=.d)

# --- the two commands -------------------------------------------------------
run: deps
	@$(MAKE) --no-print-directory -j$(JOBS) all
	@if [ ! -f "$(DEMO_DB)" ]; then ./bangban --db "$(DEMO_DB)" demo --residents 5000 --requests 5000 --years 1 --volunteers 2000 --hours-years 1; fi
	./bangban --db "$(DEMO_DB)"

unit: check-layers $(UNIT_BIN)

# T: which tests (tests/run.sh WHAT); test-SUITE puts SUITE/ before each.
T ?=
test: deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) check-layers build/asan/bangban $(UNIT_BIN) $(MO) build/tools/xlsx_make
	@sh tests/run.sh build/asan/bangban $(T)

test-unit: deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) check-layers $(UNIT_BIN)
	@sh tests/run.sh build/asan/bangban $(if $(strip $(T)),$(addprefix unit/,$(T)),unit)

test-cli test-e2e: deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) check-layers build/asan/bangban $(MO) build/tools/xlsx_make
	@sh tests/run.sh build/asan/bangban $(if $(strip $(T)),$(addprefix $(@:test-%=%)/,$(T)),$(@:test-%=%))

bench: deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) all $(BENCH_BIN)
	@sh tests/bench/run.sh ./bangban

# make test runs each harness a few seconds (tests/cli/fuzz.sh); this, a minute each.
FUZZ_SECONDS ?= 60
fuzz: deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) build/gen/pinyin_table.c
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

# Not in make test: it takes minutes. Prints its figures as a table.
reliability: deps-test
	@$(MAKE) --no-print-directory -j$(JOBS) all
	@sh tests/reliability/run.sh ./bangban

# --- install ------------------------------------------------------------------
install: all
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	  $(DESTDIR)$(LOCALEDIR)/zh_CN/LC_MESSAGES
	$(INSTALL) -m 755 bangban $(DESTDIR)$(BINDIR)/bangban
	$(INSTALL) -m 644 bangban.1 $(DESTDIR)$(MANDIR)/man1/bangban.1
	$(INSTALL) -m 644 $(MO) $(DESTDIR)$(LOCALEDIR)/zh_CN/LC_MESSAGES/bangban.mo

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/bangban $(DESTDIR)$(MANDIR)/man1/bangban.1 \
	  $(DESTDIR)$(LOCALEDIR)/zh_CN/LC_MESSAGES/bangban.mo

# --- messages and style -----------------------------------------------------
po:
	xgettext --from-code=UTF-8 -k_ -kN_ -kngettext:1,2 --add-comments=TRANSLATORS: --package-name=bangban \
	  --package-version=$(VERSION) --msgid-bugs-address=bangban -o locale/bangban.pot \
	  $(sort $(wildcard src/*.[ch] db/*.[ch] app/*.[ch] ui/*.[ch] cli/*.[ch]))
	msgmerge --quiet --update --backup=none locale/zh_CN.po locale/bangban.pot
	@msgfmt --statistics -o /dev/null locale/zh_CN.po

format:
	clang-format -i $(wildcard src/*.[ch] db/*.[ch] app/*.[ch] ui/*.[ch] cli/*.[ch] tests/unit/*.[ch] \
	  tests/bench/*.c)

clean:
	rm -rf build bangban

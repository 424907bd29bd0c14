# gwdoc - Markdown + YAML to GB/T 9704 DOCX.
#
#   make demo     install what is missing (Debian), build, render samples/
#   make check    every test: unit, end to end, schema, LibreOffice render
#   make install PREFIX=/usr/local
#   make bench    speed and memory against pandoc (bench/RESULTS.md)
#   make asan     the test suite under AddressSanitizer + UBSan
#   make fuzz     libFuzzer over the whole pipeline (FUZZ_SECONDS=60)

PREFIX   ?= /usr/local
BINDIR    = $(PREFIX)/bin
DATADIR   = $(PREFIX)/share/gwdoc
MANDIR    = $(PREFIX)/share/man/man1
BUILD    ?= build
SHARED   ?= ../shared

CC       ?= cc
PKGS      = libcmark-gfm libzip zlib libxml-2.0 icu-uc icu-i18n yaml-0.1 libpng libjpeg
OPT      ?= -O2
CFLAGS   ?= $(OPT) -g
WARN      = -std=c11 -Wall -Wextra -Werror -D_DEFAULT_SOURCE
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcmark-gfm-extensions -lm
ALL_CFLAGS = $(WARN) $(CFLAGS) $(PKG_CFLAGS) -DGWDOC_TEMPLATE_DIR='"$(DATADIR)/templates"'

# Debian packages: to build, and to run the tests (LibreOffice, fonts,
# schema tools). `make deps` installs what is missing; the build runs it.
BUILD_DEBS = gcc make pkg-config libcmark-gfm-dev libcmark-gfm-extensions-dev \
             libzip-dev libxml2-dev libicu-dev libyaml-dev libpng-dev libjpeg-dev check \
             liblzma-dev zlib1g-dev dpkg-dev cmake
TEST_DEBS  = libxml2-utils python3-lxml libreoffice-writer-nogui poppler-utils \
             fontconfig fonts-noto-cjk fonts-noto-cjk-extra fonts-arphic-ukai \
             fonts-arphic-uming fonts-wqy-zenhei fonts-lxgw-wenkai fonts-liberation2 \
             fonts-crosextra-carlito fonts-crosextra-caladea unzip valgrind

SRCS  = $(wildcard src/*.c src/parts/*.c)
LIB_SRCS = $(filter-out src/main.c,$(SRCS))
OBJS  = $(SRCS:%.c=$(BUILD)/%.o)
LIB_OBJS = $(LIB_SRCS:%.c=$(BUILD)/%.o)
TEST_SRCS = $(wildcard tests/unit/*.c)
TEST_OBJS = $(TEST_SRCS:%.c=$(BUILD)/%.o)

.PHONY: all deps test-deps demo check unit e2e install uninstall clean bench asan fuzz valgrind

all: gwdoc

# Install missing Debian packages (as root, or through sudo). cmake,
# dpkg-source and liblzma are only for the static release link.
STATIC_DEPS_PRESENT = $(if $(filter static,$(LINK)),&& pkg-config --exists liblzma \
                      && command -v cmake >/dev/null && command -v dpkg-source >/dev/null)
$(BUILD)/.deps:
	@mkdir -p $(BUILD)
	@if pkg-config --exists $(PKGS) check && [ -f /usr/include/cmark-gfm-core-extensions.h ] \
	   $(STATIC_DEPS_PRESENT); then :; \
	else echo "gwdoc: installing build packages: $(BUILD_DEBS)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(BUILD_DEBS); fi
	@touch $@
deps: $(BUILD)/.deps

SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

$(BUILD)/.test-deps: $(BUILD)/.deps
	@if command -v xmllint >/dev/null && command -v soffice >/dev/null && command -v pdftotext >/dev/null \
	   && command -v valgrind >/dev/null && /usr/bin/python3 -c 'import lxml' 2>/dev/null \
	   && fc-list | grep -q 'AR PL UKai'; then :; \
	else echo "gwdoc: installing test packages: $(TEST_DEBS)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(TEST_DEBS); fi
	@touch $@
test-deps: $(BUILD)/.test-deps

$(BUILD)/%.o: %.c $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

# The release binary. Start-up is most of a small document's time, and
# most of start-up was the dynamic loader: relocating ICU and libstdc++
# (35,000 relocations, a page fault per touched page) and libcrypto. So
# the libraries are linked in, into a position-dependent executable that
# needs no relocation; ICU's 31 MB of data stays in the system's
# libicudata.so (src/icu_data.c). `make LINK=dynamic` links everything
# dynamically instead (the tests, sanitizer and fuzzer builds always do).
LINK ?= static
STATIC_LIBS = -Wl,-Bstatic -lcmark-gfm-extensions -lcmark-gfm -lxml2 -licui18n -licuuc \
              -lyaml -lpng16 -ljpeg -llzma -lz -lstdc++ -Wl,-Bdynamic -lm -ldl -lpthread
RELEASE_OBJS = $(filter-out $(BUILD)/src/icu_data.o,$(OBJS)) $(BUILD)/static/icu_data.o

$(BUILD)/static/icu_data.o: src/icu_data.c $(BUILD)/.deps
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DGWDOC_ICU_DATA_DLOPEN -MMD -MP -c $< -o $@

# libzip without its encryption back-end. Debian's libzip.so loads
# libcrypto (21,000 relocations, bound at load: 2.5 ms of every run) for
# encrypted zips gwdoc never writes, and libzip-dev ships no static
# archive. So the build compiles Debian's own source of the libzip that
# libzip-dev has (`apt-get source`, same version and patches) with crypto,
# bzip2, lzma and zstd off. If that cannot be fetched (offline), the
# release binary links libzip.so instead: slower to start, same output.
LIBZIP_DIR = $(abspath $(BUILD)/libzip)
LIBZIP_APT = -o Dir::Etc::SourceList=$(LIBZIP_DIR)/sources.list -o Dir::Etc::SourceParts=/dev/null \
             -o Dir::State::Lists=$(LIBZIP_DIR)/lists -o Dir::Cache=$(LIBZIP_DIR)/cache
$(LIBZIP_DIR)/link: $(BUILD)/.deps
	@rm -rf '$(LIBZIP_DIR)' && mkdir -p '$(LIBZIP_DIR)/lists/partial' '$(LIBZIP_DIR)/cache/archives/partial'
	@if ( cd '$(LIBZIP_DIR)' && \
	      release=$$( . /etc/os-release 2>/dev/null && echo "$$VERSION_CODENAME" ) && release=$${release:-bookworm} && \
	      for s in "debian $$release" "debian $$release-updates" "debian-security $$release-security"; do \
	        set -- $$s; echo "deb-src http://deb.debian.org/$$1 $$2 main"; done > sources.list && \
	      v=$$(dpkg-query -W -f='$${source:Version}' libzip-dev) && \
	      apt-get -qq $(LIBZIP_APT) update && apt-get -qq $(LIBZIP_APT) source "libzip=$$v" && \
	      cmake -S libzip-* -B out -DBUILD_SHARED_LIBS=OFF -DCMAKE_BUILD_TYPE=Release -DCMAKE_POSITION_INDEPENDENT_CODE=OFF \
	        -DENABLE_OPENSSL=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF -DENABLE_COMMONCRYPTO=OFF -DENABLE_WINDOWS_CRYPTO=OFF \
	        -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF -DENABLE_ZSTD=OFF \
	        -DBUILD_TOOLS=OFF -DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF && \
	      cmake --build out -j 2 && [ -f out/lib/libzip.a ] ) >'$(LIBZIP_DIR)/log' 2>&1; \
	 then echo '$(LIBZIP_DIR)/out/lib/libzip.a' >'$(LIBZIP_DIR)/link'; \
	 else echo "gwdoc: note: could not build libzip from Debian's source (see $(LIBZIP_DIR)/log);" \
	        "linking libzip.so (rm -rf $(LIBZIP_DIR) to try again)"; echo -lzip >'$(LIBZIP_DIR)/link'; fi

ifeq ($(LINK),static)
gwdoc: $(RELEASE_OBJS) $(LIBZIP_DIR)/link
	$(CC) $(CFLAGS) $(LDFLAGS) -no-pie -static-libgcc -o $@ $(RELEASE_OBJS) $$(cat $(LIBZIP_DIR)/link) $(STATIC_LIBS)
else
gwdoc: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS)
endif

$(BUILD)/test_unit: $(LIB_OBJS) $(TEST_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) $(shell pkg-config --libs check)

# Render every sample into out/ (fonts/ aliases make the previews plausible).
demo: gwdoc
	@mkdir -p out
	@for f in samples/*.md; do \
	  ./gwdoc render "$$f" -o "out/$$(basename "$$f" .md).docx" && echo "out/$$(basename "$$f" .md).docx"; \
	done

unit: $(BUILD)/test_unit
	$(BUILD)/test_unit

e2e: gwdoc $(BUILD)/.test-deps
	GWDOC=./gwdoc SHARED=$(SHARED) tests/e2e/run.sh

check: unit e2e

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
asan: $(BUILD)/.test-deps
	$(MAKE) BUILD=build/asan OPT="-O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	  LDFLAGS="-fsanitize=address,undefined" build/asan/test_unit build/asan/gwdoc-bin
	ASAN_OPTIONS=detect_leaks=1:exitcode=99 UBSAN_OPTIONS=halt_on_error=1:exitcode=99 build/asan/test_unit
	ASAN_OPTIONS=detect_leaks=1:exitcode=99 UBSAN_OPTIONS=halt_on_error=1:exitcode=99 \
	  GWDOC=build/asan/gwdoc-bin SHARED=$(SHARED) QUICK=1 tests/e2e/run.sh

$(BUILD)/gwdoc-bin: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS)

# valgrind memcheck on every sample.
valgrind: gwdoc
	@for f in samples/*.md; do \
	  valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    ./gwdoc render "$$f" -o /tmp/gwdoc-valgrind.docx || exit 1; done; echo "valgrind: clean"

bench:
	$(MAKE) -C bench

# libFuzzer over gw_convert (bytes in, DOCX bytes in memory), seeded from
# the samples and tests; FUZZ_SECONDS sets the time.
FUZZ_SECONDS ?= 60
FUZZ_DEBS = clang libclang-rt-14-dev
FUZZ_FLAGS = -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
$(BUILD)/fuzz_convert: tests/fuzz/fuzz_convert.c $(LIB_SRCS) $(BUILD)/.deps
	@command -v clang >/dev/null && [ -n "$$(ls /usr/lib/llvm-14/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null)" ] || \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(FUZZ_DEBS); }
	clang $(WARN) $(FUZZ_FLAGS) $(PKG_CFLAGS) -DGWDOC_TEMPLATE_DIR='"$(CURDIR)/templates"' \
	  -o $@ tests/fuzz/fuzz_convert.c $(LIB_SRCS) $(PKG_LIBS)
# A failing input is printed at the end, gzip'ed and in base64, so that
# a CI log alone is enough to replay it (tests/fuzz/README.md).
fuzz: $(BUILD)/fuzz_convert
	@mkdir -p $(BUILD)/fuzz-corpus $(BUILD)/fuzz-artifacts
	GWDOC_TEMPLATES=$(CURDIR)/templates $(BUILD)/fuzz_convert -max_total_time=$(FUZZ_SECONDS) \
	  -max_len=65536 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=$(BUILD)/fuzz-artifacts/ \
	  $(BUILD)/fuzz-corpus tests/fuzz/corpus samples || { \
	  for f in $(BUILD)/fuzz-artifacts/*; do [ -f "$$f" ] || continue; \
	    echo "fuzz: failing input $$f, gzip | base64:"; gzip -9nc "$$f" | base64 -w 100; done; exit 1; }

install: gwdoc
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/templates $(DESTDIR)$(DATADIR)/fonts $(DESTDIR)$(MANDIR)
	install -m 755 gwdoc $(DESTDIR)$(BINDIR)/gwdoc
	install -m 644 templates/*.yaml $(DESTDIR)$(DATADIR)/templates/
	install -m 644 fonts/*.conf $(DESTDIR)$(DATADIR)/fonts/
	install -m 644 man/gwdoc.1 $(DESTDIR)$(MANDIR)/gwdoc.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/gwdoc $(DESTDIR)$(MANDIR)/gwdoc.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build out gwdoc

-include $(OBJS:.o=.d) $(TEST_OBJS:.o=.d) $(BUILD)/static/icu_data.d

#!/usr/bin/env bash
# gwdoc benchmark: builds an optimised gwdoc, generates the inputs, measures gwdoc against
# pandoc and against its own floors, and writes bench/RESULTS.md.  See bench/README.md.
#
# Environment:
#   GWDOC=/path/to/gwdoc   use this binary, do not build
#   SHARED=/path/shared    the shared/ folder (default: ../../shared from this folder;
#                          a relative path is taken from the repository root)
#   DEFLATE_LEVEL=N        zlib level gwdoc uses (default: read from src/*.c, else 6)
#   QUICK=1                fewer runs (a smoke test; numbers are noisier)
#   RESULTS=/path/file.md  where to write the report (default bench/RESULTS.md)
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH/.." && pwd)
SHARED=${SHARED:-$(cd "$ROOT/.." && pwd)/shared}
case $SHARED in /*) ;; *) SHARED=$ROOT/$SHARED ;; esac     # relative: as the top Makefile means it
OUT=$BENCH/out
# the level gwdoc passes to libzip (src/package.c: enum { DEFLATE_LEVEL = 6 }), else 6
DEFLATE_LEVEL=${DEFLATE_LEVEL:-$(sed -n 's/.*DEFLATE_LEVEL *= *\([0-9]\).*/\1/p' "$ROOT"/src/*.c 2>/dev/null | head -1)}
DEFLATE_LEVEL=${DEFLATE_LEVEL:-6}
QUICK=${QUICK:-0}
RESULTS=${RESULTS:-$BENCH/RESULTS.md}
START_S=$(date +%s)

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------- tools
missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v pandoc >/dev/null || missing+=(pandoc)
command -v valgrind >/dev/null || missing+=(valgrind)
[ -x /usr/bin/time ] || missing+=(time)
command -v cc >/dev/null || missing+=(gcc)
command -v pkg-config >/dev/null || missing+=(pkg-config)
if command -v pkg-config >/dev/null; then
    pkg-config --exists libzip || missing+=(libzip-dev)
    pkg-config --exists zlib || missing+=(zlib1g-dev)
else
    missing+=(libzip-dev zlib1g-dev)
fi
/usr/bin/python3 -c 'import docx, lxml' 2>/dev/null || missing+=(python3-docx python3-lxml)
if ((${#missing[@]})); then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        log "installing: ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y --no-install-recommends "${missing[@]}" >&2 ||
            { apt-get update >&2 && apt-get install -y --no-install-recommends "${missing[@]}" >&2; } ||
            log "apt-get could not install: ${missing[*]}"
    else
        log "missing (not root or no apt-get, not installed): ${missing[*]}"
    fi
fi
for t in hyperfine python3 cc pkg-config; do
    command -v "$t" >/dev/null || die "$t is required (apt-get install -y hyperfine python3 gcc pkg-config)"
done
[ -x /usr/bin/time ] || die "/usr/bin/time is required (apt-get install -y time)"
pkg-config --exists libzip zlib || die "libzip and zlib headers are required (apt-get install -y libzip-dev zlib1g-dev)"
HAVE_PANDOC=1; command -v pandoc >/dev/null || { HAVE_PANDOC=0; log "pandoc missing: no comparison"; }
HAVE_VALGRIND=1; command -v valgrind >/dev/null || { HAVE_VALGRIND=0; log "valgrind missing: no callgrind figures"; }
HAVE_REF=1; /usr/bin/python3 -c 'import docx, lxml' 2>/dev/null || HAVE_REF=0

# ---------------------------------------------------------------- build
if [ -n "${GWDOC:-}" ]; then
    BUILD_CMD="(GWDOC=$GWDOC given; not built)"
else
    # The top Makefile builds ../gwdoc optimised by default (OPT ?= -O2); its BUILD variable
    # is the object folder, not a build type, so it is left alone here.
    BUILD_CMD="make -C .. gwdoc"
    log "$BUILD_CMD"
    env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -j"$(nproc)" -C "$ROOT" gwdoc >&2
    GWDOC=$ROOT/gwdoc
fi
[ -x "$GWDOC" ] || die "no gwdoc binary at $GWDOC"
GWDOC=$(cd "$(dirname "$GWDOC")" && pwd)/$(basename "$GWDOC")

rm -rf "$OUT"
mkdir -p "$OUT"/{in,gwdoc,pandoc,hf,rss,deflate,err,callgrind}
# Benchmark a snapshot, so a rebuild running beside us cannot swap the binary mid-run.
GWDOC_SRC=$GWDOC
cp "$GWDOC_SRC" "$OUT/gwdoc-bin"
GWDOC=$OUT/gwdoc-bin
# The snapshot no longer sits in the repository, so point it at the templates beside the original.
if [ -z "${GWDOC_TEMPLATES:-}" ] && [ -d "$(dirname "$GWDOC_SRC")/templates" ]; then
    export GWDOC_TEMPLATES
    GWDOC_TEMPLATES=$(dirname "$GWDOC_SRC")/templates
fi
cc -std=c11 -O2 -o "$OUT/deflate_floor" "$BENCH/deflate_floor.c" $(pkg-config --cflags --libs libzip zlib)
cc -std=c11 -O2 -o "$OUT/empty-bare" "$BENCH/empty_main.c"
cc -std=c11 -O2 -o "$OUT/empty-linked" "$BENCH/empty_main.c" -Wl,--no-as-needed \
    $(pkg-config --libs icu-uc icu-i18n libxml-2.0 libzip libcmark-gfm yaml-0.1) -lcmark-gfm-extensions

# ---------------------------------------------------------------- inputs
log "generating inputs"
python3 "$BENCH/gen.py" "$OUT/in"
python3 "$BENCH/gen.py" "$OUT/gen-check"
diff -r "$OUT/in" "$OUT/gen-check" >/dev/null || die "gen.py is not deterministic"
rm -rf "$OUT/gen-check"

REF=$OUT/ref.docx
if ((HAVE_PANDOC)); then
    ((HAVE_REF)) || die "python3-docx/python3-lxml are needed for pandoc's reference.docx"
    [ -f "$SHARED/tools/samples/make-gbt-reference.py" ] || die "no $SHARED/tools/samples/make-gbt-reference.py (set SHARED=)"
    /usr/bin/python3 "$SHARED/tools/samples/make-gbt-reference.py" --grid none --run-spacing -5 --page-numbers "$REF" >&2
fi

# ---------------------------------------------------------------- meta
meta() { printf '%s\t%s\n' "$1" "$2" >>"$OUT/meta.tsv"; }
: >"$OUT/meta.tsv"
meta date "$(date -u '+%Y-%m-%d %H:%M UTC')"
meta nproc "$(nproc)"
meta cpu "$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -1)"
meta memory "$(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
meta kernel "$(uname -sr)"
meta os "$( (. /etc/os-release && echo "$PRETTY_NAME") 2>/dev/null || echo unknown)"
meta gwdoc_version "$("$GWDOC" --version 2>&1 | head -1 || true)"
meta gwdoc_path "$GWDOC_SRC (copied to bench/out/gwdoc-bin)"
meta build "$BUILD_CMD"
meta pandoc_version "$( ((HAVE_PANDOC)) && pandoc --version | head -1 || echo 'not installed')"
meta hyperfine_version "$(hyperfine --version)"
meta valgrind_version "$( ((HAVE_VALGRIND)) && valgrind --version || echo 'not installed')"
meta zlib_version "$(pkg-config --modversion zlib)"
meta cc_version "$(cc --version | head -1)"
meta deflate_level "$DEFLATE_LEVEL"
meta quick "$QUICK"
meta load_start "$(cut -d' ' -f1-3 /proc/loadavg)"

# runs: name gwdoc-runs pandoc-runs
INPUTS=(
    "seed 30 10"
    "bulletin-10 30 10"
    "bulletin-100 20 10"
    "bulletin-1000 10 5"
    "division-50 30 10"
    "division-500 20 5"
    "division-5000 10 3"
)
runs() { if [ "$QUICK" = 1 ]; then echo $(( $1 > 3 ? 3 : $1 )); else echo "$1"; fi; }

hf() { # hf JSON RUNS WARMUP COMMAND...
    local json=$1 n=$2 w=$3; shift 3
    hyperfine -N --style basic --warmup "$w" --runs "$n" --export-json "$json" "$*" >&2
}
rss() { # rss FILE COMMAND...
    local f=$1; shift
    /usr/bin/time -v -o "$f" "$@" >/dev/null 2>&1
}

# ---------------------------------------------------------------- start-up floor
log "start-up floor: gwdoc --version"
hf "$OUT/hf/startup.gwdoc.json" "$(runs 100)" 5 "$GWDOC" --version
rss "$OUT/rss/startup.gwdoc.time" "$GWDOC" --version || true
log "start-up floor: an empty main(), bare and linked against the libraries"
hf "$OUT/hf/startup.empty-linked.json" "$(runs 100)" 5 "$OUT/empty-linked"
hf "$OUT/hf/startup.empty-bare.json" "$(runs 100)" 5 "$OUT/empty-bare"
meta gwdoc_linkage "$(ldd "$GWDOC" | awk '/=>/ {print $1}' | tr '\n' ' ')"

# ---------------------------------------------------------------- each input
for spec in "${INPUTS[@]}"; do
    read -r name gruns pruns <<<"$spec"
    in=$OUT/in/$name.md
    g=$OUT/gwdoc/$name.docx
    p=$OUT/pandoc/$name.docx
    log "$name: gwdoc"
    rc=0
    "$GWDOC" render "$in" -o "$g" >"$OUT/err/$name.out" 2>"$OUT/err/$name.err" || rc=$?
    echo "$rc" >"$OUT/err/$name.rc"
    if [ "$rc" = 0 ] && [ -s "$g" ]; then
        hf "$OUT/hf/$name.gwdoc.json" "$(runs "$gruns")" 2 "$GWDOC" render "$in" -o "$g" ||
            log "$name: hyperfine failed on gwdoc"
        rss "$OUT/rss/$name.gwdoc.time" "$GWDOC" render "$in" -o "$g" || true
        "$OUT/deflate_floor" -l "$DEFLATE_LEVEL" -n "$(runs 21)" -v "$g" >"$OUT/deflate/$name.txt" 2>"$OUT/deflate/$name.log" ||
            log "$name: deflate_floor failed"
    else
        log "$name: gwdoc failed (rc $rc): $(head -c 300 "$OUT/err/$name.err")"
    fi
    if ((HAVE_PANDOC)); then
        log "$name: pandoc"
        if pandoc --reference-doc "$REF" "$in" -o "$p" 2>"$OUT/err/$name.pandoc.err"; then
            hf "$OUT/hf/$name.pandoc.json" "$(runs "$pruns")" 1 pandoc --reference-doc "$REF" "$in" -o "$p" ||
                log "$name: hyperfine failed on pandoc"
            rss "$OUT/rss/$name.pandoc.time" pandoc --reference-doc "$REF" "$in" -o "$p" || true
        else
            log "$name: pandoc failed: $(head -c 300 "$OUT/err/$name.pandoc.err")"
        fi
    fi
done

# ---------------------------------------------------------------- side by side
# The floor targets compare times taken minutes apart, and this VM's speed
# drifts by a third over minutes. So the times they compare are taken
# again side by side: ROUNDS rounds, each running every one of them a few
# times in turn; each gets the median of all its runs.
ROUNDS=$(runs 12)
mkdir -p "$OUT/side"
rm -f "$OUT/side/"*
if [ "$(cat "$OUT/err/seed.rc")" = 0 ] && [ "$(cat "$OUT/err/bulletin-1000.rc")" = 0 ]; then
    log "side by side: start-up floors, seed, bulletin-1000 and its deflate floor ($ROUNDS rounds)"
    b1k=$OUT/in/bulletin-1000.md
    for r in $(seq 1 "$ROUNDS"); do
        hf "$OUT/side/$r.version.json" 5 1 "$GWDOC" --version
        hf "$OUT/side/$r.empty-linked.json" 5 1 "$OUT/empty-linked"
        hf "$OUT/side/$r.seed.json" 5 1 "$GWDOC" render "$OUT/in/seed.md" -o "$OUT/side/seed.docx"
        hf "$OUT/side/$r.bulletin-1000.json" 3 1 "$GWDOC" render "$b1k" -o "$OUT/side/b1k.docx"
        "$OUT/deflate_floor" -l "$DEFLATE_LEVEL" -n 3 "$OUT/side/b1k.docx" >>"$OUT/side/deflate.txt" ||
            log "side by side: deflate_floor failed"
    done
fi

# ---------------------------------------------------------------- callgrind
# The profile is of division-5000; while gwdoc cannot render it, of bulletin-1000 instead.
PROFILER=none
PROFILE_INPUT=
for cand in division-5000 bulletin-1000; do
    if [ "$(cat "$OUT/err/$cand.rc")" = 0 ]; then PROFILE_INPUT=$cand; break; fi
done
meta profile_input "${PROFILE_INPUT:-none}"
if ((HAVE_VALGRIND)); then
    log "callgrind: gwdoc --version and the seed issue"
    valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind/version.out" \
        "$GWDOC" --version >/dev/null 2>"$OUT/callgrind/version.log" || true
    if [ "$(cat "$OUT/err/seed.rc")" = 0 ]; then
        valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind/seed.out" \
            "$GWDOC" render "$OUT/in/seed.md" -o "$OUT/callgrind/seed.docx" 2>"$OUT/callgrind/seed.log" || true
    fi
    if [ -n "$PROFILE_INPUT" ]; then
        log "callgrind profile: $PROFILE_INPUT"
        PROFILER=callgrind
        valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind/profile.out" \
            "$GWDOC" render "$OUT/in/$PROFILE_INPUT.md" -o "$OUT/callgrind/profile.docx" \
            2>"$OUT/callgrind/profile.log" || true
        if [ -s "$OUT/callgrind/profile.out" ]; then
            callgrind_annotate --threshold=100 --auto=no "$OUT/callgrind/profile.out" \
                >"$OUT/callgrind/profile.self.txt" 2>/dev/null || true
            callgrind_annotate --threshold=100 --auto=no --inclusive=yes "$OUT/callgrind/profile.out" \
                >"$OUT/callgrind/profile.incl.txt" 2>/dev/null || true
        fi
    fi
fi
# perf: time samples, which see what instruction counts cannot (a cache miss per
# hop of a long list walk cost half the division's time at 66 M instructions).
# Hardware cycles when the machine exposes them, else the cpu-clock timer (VMs).
if command -v perf >/dev/null && [ -n "$PROFILE_INPUT" ]; then
    PERF_EVENT=cpu-clock
    if perf stat -e cycles true >"$OUT/perf-probe.txt" 2>&1 &&
        ! grep -q 'not supported\|not counted' "$OUT/perf-probe.txt"; then
        PERF_EVENT=cycles
    fi
    meta perf_event "$PERF_EVENT"
    log "perf profile ($PERF_EVENT): $PROFILE_INPUT"
    if perf record -q -e "$PERF_EVENT" -F 10000 -o "$OUT/perf.data" -- bash -c \
        'for i in 1 2 3; do "$0" render "$1" -o "$2"; done' "$GWDOC" "$OUT/in/$PROFILE_INPUT.md" "$OUT/perf.docx" \
        >/dev/null 2>&1; then
        perf report -i "$OUT/perf.data" --stdio --comm "$(basename "$GWDOC" | cut -c1-15)" --sort symbol 2>/dev/null |
            grep -v '^#' | grep -v '^$' | head -15 >"$OUT/perf-top.txt" || true
        PROFILER="$PROFILER+perf"
    fi
fi
meta profiler "$PROFILER"
meta wall_s "$(( $(date +%s) - START_S ))"
meta load_end "$(cut -d' ' -f1-3 /proc/loadavg)"

# ---------------------------------------------------------------- report
python3 "$BENCH/report.py" "$OUT" "$RESULTS"
log "wrote $RESULTS in $(( $(date +%s) - START_S )) s"

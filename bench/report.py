#!/usr/bin/env python3
"""Turn the measurements left in bench/out/ by run.sh into RESULTS.md (stdlib only).

usage: report.py OUTDIR RESULTS.md
"""
import json
import math
import os
import glob
import re
import statistics
import sys

INPUTS = ["seed", "bulletin-10", "bulletin-100", "bulletin-1000",
          "division-50", "division-500", "division-5000"]
LINEAR_MAX = math.log(2.2, 2)    # doubling the input costs at most 2.2x the time


def read(path, default=None):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return default


def hf_median(out, name, tool):
    """(median seconds, runs, min, max) from a hyperfine JSON export, or None."""
    text = read(os.path.join(out, "hf", "%s.%s.json" % (name, tool)))
    if not text:
        return None
    r = json.loads(text)["results"][0]
    return {"median": r["median"], "runs": len(r.get("times", [])), "min": r["min"], "max": r["max"],
            "stddev": r.get("stddev")}


def side_median(out, tool):
    """Median seconds over every run of `tool` in the side-by-side rounds, and the run count."""
    times = []
    for path in glob.glob(os.path.join(out, "side", "*.%s.json" % tool)):
        text = read(path)
        if text:
            times += json.loads(text)["results"][0].get("times", [])
    return (statistics.median(times), len(times)) if times else (None, 0)


def plus(a, b):
    """a + b, or None when either is unknown."""
    return None if a is None or b is None else a + b


def peak_rss_kb(out, name, tool):
    text = read(os.path.join(out, "rss", "%s.%s.time" % (name, tool)))
    if not text:
        return None
    m = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", text)
    return int(m.group(1)) if m else None


def size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return None


def callgrind_total(path):
    text = read(path)
    if not text:
        return None
    m = re.search(r"^(?:totals|summary):\s*(\d+)", text, re.M)
    return int(m.group(1)) if m else None


def top_functions(path, n=15):
    text = read(path)
    if not text:
        return []
    lines = text.splitlines()
    try:
        start = next(i for i, l in enumerate(lines) if l.strip().startswith("Ir") and "file:function" in l)
    except StopIteration:
        return []
    rows = []
    for l in lines[start + 2:]:
        if not l.strip():
            if rows:
                break
            continue
        if l.startswith("-----"):
            break
        rows.append(l.rstrip())
        if len(rows) == n:
            break
    return rows


def ms(s):
    if s is None:
        return "—"
    v = s * 1000
    return "%.1f" % v if v >= 10 else "%.2f" % v


def mib(kb):
    return "—" if kb is None else "%.1f" % (kb / 1024)


def kib(b):
    return "—" if b is None else ("%.1f" % (b / 1024) if b < 10 * 1024 else "%d" % round(b / 1024))


def ratio(a, b, fmt="%.3f"):
    if a is None or b is None or b == 0:
        return None
    return a / b


def fr(x, fmt="%.3f"):
    return "—" if x is None else fmt % x


def exponent(t1, t2, s1, s2):
    if None in (t1, t2, s1, s2) or t1 <= 0 or s1 <= 0 or s1 == s2:
        return None
    return math.log(t2 / t1) / math.log(s2 / s1)


def main(argv):
    out, results = argv[1], argv[2]
    meta = {}
    for line in (read(os.path.join(out, "meta.tsv"), "") or "").splitlines():
        if "\t" in line:
            k, v = line.split("\t", 1)
            meta[k] = v

    startup = hf_median(out, "startup", "gwdoc")
    t_start = startup["median"] if startup else None
    linked = hf_median(out, "startup", "empty-linked")
    t_linked = linked["median"] if linked else None
    bare = hf_median(out, "startup", "empty-bare")
    t_bare = bare["median"] if bare else None
    rows = {}
    for name in INPUTS:
        r = {"in": size(os.path.join(out, "in", name + ".md"))}
        r["rc"] = (read(os.path.join(out, "err", name + ".rc"), "") or "").strip()
        r["err"] = (read(os.path.join(out, "err", name + ".err"), "") or "").strip()
        r["g"] = hf_median(out, name, "gwdoc")
        r["p"] = hf_median(out, name, "pandoc")
        r["g_rss"] = peak_rss_kb(out, name, "gwdoc")
        r["p_rss"] = peak_rss_kb(out, name, "pandoc")
        r["g_size"] = size(os.path.join(out, "gwdoc", name + ".docx")) if r["rc"] == "0" else None
        r["p_size"] = size(os.path.join(out, "pandoc", name + ".docx"))
        d = (read(os.path.join(out, "deflate", name + ".txt"), "") or "").strip()
        r["deflate"] = float(d) / 1000 if d else None
        r["deflate_log"] = (read(os.path.join(out, "deflate", name + ".log"), "") or "").strip()
        m = re.search(r"(\d+) parts, (\d+) bytes in", r["deflate_log"])
        r["xml"] = int(m.group(2)) if m else None
        r["tg"] = r["g"]["median"] if r["g"] else None
        r["tp"] = r["p"]["median"] if r["p"] else None
        rows[name] = r

    L = []
    L.append("# gwdoc benchmark results")
    L.append("")
    L.append("Written by `bench/run.sh` (`make bench`); see `bench/README.md` for what is measured. "
             "Times are hyperfine medians of wall time; memory is peak RSS from `/usr/bin/time -v`.")
    L.append("")
    L.append("## Machine and versions")
    L.append("")
    for key, label in [("date", "Date"), ("cpu", "CPU"), ("nproc", "nproc"), ("memory", "Memory"),
                       ("os", "OS"), ("kernel", "Kernel"), ("gwdoc_version", "gwdoc --version"),
                       ("build", "Build"), ("cc_version", "Compiler"), ("pandoc_version", "pandoc"),
                       ("hyperfine_version", "hyperfine"), ("valgrind_version", "valgrind"),
                       ("zlib_version", "zlib"), ("deflate_level", "Deflate level of the floor")]:
        L.append("- %s: %s" % (label, meta.get(key, "?")))
    if meta.get("quick") == "1":
        L.append("- **QUICK=1 run: few repetitions, numbers are noisy.**")
    L.append("- Whole run: %s s; load average (1, 5, 15 min) at start %s, at end %s"
             % (meta.get("wall_s", "?"), meta.get("load_start", "?"), meta.get("load_end", "?")))
    try:
        busy = max(float(meta["load_start"].split()[0]), float(meta["load_end"].split()[0]))
        if busy > 0.5 * float(meta.get("nproc", "1")):
            L.append("- **The machine was busy with other work during this run: wall times (and their "
                     "ratios to pandoc) are noisy; the callgrind counts are not affected.**")
    except (KeyError, ValueError, IndexError):
        pass
    L.append("")

    L.append("## Floors")
    L.append("")
    if startup:
        L.append("- Start-up, `gwdoc --version`: **%s ms** median (%d runs, min %s, max %s), peak RSS %s MiB."
                 % (ms(t_start), startup["runs"], ms(startup["min"]), ms(startup["max"]),
                    mib(peak_rss_kb(out, "startup", "gwdoc"))))
    else:
        L.append("- Start-up: not measured.")
    L.append("- Libraries gwdoc loads: %s (ICU, libxml2, cmark-gfm, libyaml, libpng, libjpeg, zlib and "
             "libstdc++ are linked in; see the Makefile)." % meta.get("gwdoc_linkage", "?"))
    if linked:
        L.append("- The issue's floor, an empty `main()` linked dynamically against ICU, libxml2, libzip, "
                 "cmark-gfm and libyaml as Debian ships them (`bench/empty_main.c`): **%s ms** median "
                 "(%d runs, min %s)." % (ms(t_linked), linked["runs"], ms(linked["min"])))
    if bare:
        L.append("- A bare empty `main()`, linked against nothing but libc: %s ms median (%d runs, min %s)."
                 % (ms(t_bare), bare["runs"], ms(bare["min"])))
    L.append("- Deflate floor: zlib alone deflating the XML parts of gwdoc's output at level %s "
             "(`bench/deflate_floor.c`, median), in the table below." % meta.get("deflate_level", "6"))
    L.append("")

    L.append("## Time")
    L.append("")
    L.append("| input | source KiB | gwdoc ms | runs | pandoc ms | runs | gwdoc/pandoc | speed-up | "
             "deflate floor ms | start-up + deflate ms | gwdoc / floor |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name in INPUTS:
        r = rows[name]
        floor = plus(t_start, r["deflate"])
        L.append("| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (
            name, kib(r["in"]),
            ms(r["tg"]) if r["rc"] == "0" else "**failed (rc %s)**" % r["rc"],
            r["g"]["runs"] if r["g"] else "—",
            ms(r["tp"]), r["p"]["runs"] if r["p"] else "—",
            fr(ratio(r["tg"], r["tp"])), fr(ratio(r["tp"], r["tg"]), "%.1f×"),
            ms(r["deflate"]), ms(floor), fr(ratio(r["tg"], floor), "%.2f×")))
    L.append("")

    L.append("## Memory and output size")
    L.append("")
    L.append("| input | gwdoc peak RSS MiB | pandoc peak RSS MiB | gwdoc/pandoc | gwdoc .docx KiB | "
             "pandoc .docx KiB | gwdoc/pandoc | gwdoc XML parts KiB (uncompressed) |")
    L.append("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name in INPUTS:
        r = rows[name]
        L.append("| %s | %s | %s | %s | %s | %s | %s | %s |" % (
            name, mib(r["g_rss"]), mib(r["p_rss"]), fr(ratio(r["g_rss"], r["p_rss"])),
            kib(r["g_size"]), kib(r["p_size"]), fr(ratio(r["g_size"], r["p_size"])), kib(r["xml"])))
    L.append("")

    L.append("## Growth")
    L.append("")
    L.append("Exponent k = log(t2/t1) / log(s2/s1) between the two largest inputs of each family "
             "(s = source bytes); 1 is linear, and doubling the input multiplies the time by 2^k.")
    L.append("")
    L.append("| family | sizes | gwdoc k | gwdoc 2^k | pandoc k | pandoc 2^k |")
    L.append("|---|---|---:|---:|---:|---:|")
    growth = {}
    for fam, a, b in [("bulletin", "bulletin-100", "bulletin-1000"), ("division", "division-500", "division-5000")]:
        ra, rb = rows[a], rows[b]
        kg = exponent(ra["tg"], rb["tg"], ra["in"], rb["in"])
        kp = exponent(ra["tp"], rb["tp"], ra["in"], rb["in"])
        growth[fam] = kg
        L.append("| %s | %s → %s | %s | %s | %s | %s |" % (
            fam, a, b, fr(kg, "%.3f"), "—" if kg is None else "%.2f×" % (2 ** kg),
            fr(kp, "%.3f"), "—" if kp is None else "%.2f×" % (2 ** kp)))
    L.append("")

    # ---------------------------------------------------------------- targets
    L.append("## Targets")
    L.append("")

    def target(text, ok, detail):
        mark = "not measured" if ok is None else ("**met**" if ok else "**missed**")
        L.append("| %s | %s | %s |" % (text, mark, detail))

    L.append("| target | status | numbers |")
    L.append("|---|---|---|")
    s, b, d = rows["seed"], rows["bulletin-1000"], rows["division-5000"]
    sp = ratio(s["tp"], s["tg"])
    target("seed issue ≥ 10× faster than pandoc", None if sp is None else sp >= 10,
           "%s ms vs %s ms: %s" % (ms(s["tg"]), ms(s["tp"]), fr(sp, "%.1f×")))
    # Each floor target against both floors: gwdoc's own start-up, and the definition.
    floors = [("the start-up floor (`gwdoc --version`)", "start-up", t_start),
              ("the issue's floor (empty `main()` linked against the libraries)", "the issue's floor", t_linked)]
    # The floor targets from the side-by-side rounds when there are any:
    # times taken together, not minutes apart on a drifting machine.
    side = {t: side_median(out, t) for t in ("version", "empty-linked", "seed", "bulletin-1000")}
    deflate_side = (read(os.path.join(out, "side", "deflate.txt"), "") or "").split()
    side_deflate = statistics.median(float(x) for x in deflate_side) / 1000 if deflate_side else None
    if all(side[t][0] is not None for t in side) and side_deflate is not None:
        floors = [(long_name, short_name, side[tool][0]) for (long_name, short_name, _), tool
                  in zip(floors, ("version", "empty-linked"))]
        s_tg, b_tg, b_deflate = side["seed"][0], side["bulletin-1000"][0], side_deflate
        how = " (side by side)"
    else:
        s_tg, b_tg, b_deflate, how = s["tg"], b["tg"], b["deflate"], ""
    for long_name, _, t_floor in floors:
        sf = ratio(s_tg, t_floor)
        target("seed issue ≤ 1.5× %s" % long_name, None if sf is None else sf <= 1.5,
               "%s ms vs %s ms: %s%s" % (ms(s_tg), ms(t_floor), fr(sf, "%.2f×"), how))
    sm = ratio(s["g_rss"], s["p_rss"])
    target("seed issue peak RSS ≤ ¼ of pandoc's", None if sm is None else sm <= 0.25,
           "%s MiB vs %s MiB: %s" % (mib(s["g_rss"]), mib(s["p_rss"]), fr(sm)))
    bp = ratio(b["tp"], b["tg"])
    target("1,000-article bulletin ≥ 10× faster than pandoc", None if bp is None else bp >= 10,
           "%s ms vs %s ms: %s" % (ms(b["tg"]), ms(b["tp"]), fr(bp, "%.1f×")))
    bm = ratio(b["g_rss"], b["p_rss"])
    target("1,000-article bulletin peak RSS ≤ ⅕ of pandoc's", None if bm is None else bm <= 0.2,
           "%s MiB vs %s MiB: %s" % (mib(b["g_rss"]), mib(b["p_rss"]), fr(bm)))
    for _, short_name, t_floor in floors:
        bf = ratio(b_tg, plus(t_floor, b_deflate))
        target("1,000-article bulletin ≤ 2× (%s + deflate)" % short_name, None if bf is None else bf <= 2,
               "%s ms vs %s + %s ms: %s%s" % (ms(b_tg), ms(t_floor), ms(b_deflate), fr(bf, "%.2f×"), how))
    target("5,000-row division < 0.3 s", None if d["tg"] is None else d["tg"] < 0.3, "%s ms" % ms(d["tg"]))
    for fam in ("bulletin", "division"):
        k = growth[fam]
        target("%s time linear (doubling ≤ 2.2×, k ≤ %.3f)" % (fam, LINEAR_MAX),
               None if k is None else k <= LINEAR_MAX,
               "k = %s, doubling costs %s" % (fr(k), "—" if k is None else "%.2f×" % (2 ** k)))
    L.append("")

    if how:
        L.append("The floor targets (marked *side by side*) use times taken together: %d rounds, each "
                 "running `gwdoc --version`, the empty `main()`, the seed and bulletin-1000 a few times "
                 "in turn and deflating bulletin-1000's XML, since this VM's speed drifts between the "
                 "sections above. Medians over all rounds:" % len(glob.glob(os.path.join(out, "side", "*.version.json"))))
        L.append("")
        L.append("| run | median ms | runs |")
        L.append("|---|---:|---:|")
        for tool, label in (("version", "`gwdoc --version`"), ("empty-linked", "empty `main()`, linked"),
                            ("seed", "`gwdoc render seed.md`"), ("bulletin-1000", "`gwdoc render bulletin-1000.md`")):
            L.append("| %s | %s | %d |" % (label, ms(side[tool][0]), side[tool][1]))
        L.append("| deflate floor, bulletin-1000 (zlib alone, median of 3 passes a round) | %s | %d |"
                 % (ms(side_deflate), len(deflate_side)))
        L.append("")

    # ---------------------------------------------------------------- callgrind
    L.append("## Instruction counts (callgrind)")
    L.append("")
    L.append("The stable figure to watch for regressions: instructions executed (Ir), independent of "
             "machine load.")
    L.append("")
    ir_seed = callgrind_total(os.path.join(out, "callgrind", "seed.out"))
    ir_ver = callgrind_total(os.path.join(out, "callgrind", "version.out"))
    pin = meta.get("profile_input", "none")
    ir_div = callgrind_total(os.path.join(out, "callgrind", "profile.out"))
    L.append("| run | Ir |")
    L.append("|---|---:|")
    L.append("| `gwdoc render seed.md` | %s |" % ("—" if ir_seed is None else "{:,}".format(ir_seed)))
    L.append("| `gwdoc --version` | %s |" % ("—" if ir_ver is None else "{:,}".format(ir_ver)))
    if pin != "none":
        L.append("| `gwdoc render %s.md` | %s |" % (pin, "—" if ir_div is None else "{:,}".format(ir_div)))
    L.append("")

    L.append("## Profile: %s" % pin)
    L.append("")
    if pin != "division-5000" and pin != "none":
        L.append("gwdoc could not render division-5000.md in this run, so this profiles %s.md instead." % pin)
        L.append("")
    self_rows = top_functions(os.path.join(out, "callgrind", "profile.self.txt"))
    incl_rows = top_functions(os.path.join(out, "callgrind", "profile.incl.txt"))
    if self_rows:
        L.append("callgrind, top 15 functions by own instructions (`callgrind_annotate`):")
        L.append("")
        L.append("```")
        L.extend(self_rows)
        L.append("```")
        L.append("")
    if incl_rows:
        L.append("Top 15 by inclusive instructions:")
        L.append("")
        L.append("```")
        L.extend(incl_rows)
        L.append("```")
        L.append("")
    perf = read(os.path.join(out, "perf-top.txt"))
    if perf and perf.strip():
        L.append("perf (%s samples, three runs), top 15 symbols by time: memory stalls show here, "
                 "not in instruction counts:" % meta.get("perf_event", "cpu-clock"))
        L.append("")
        L.append("```")
        L.append(perf.rstrip())
        L.append("```")
        L.append("")
    if not self_rows and not (perf and perf.strip()):
        L.append("No profile (valgrind missing, or gwdoc failed on the profiled input).")
        L.append("")

    failures = [n for n in INPUTS if rows[n]["rc"] != "0"]
    if failures:
        L.append("## gwdoc failures")
        L.append("")
        for n in failures:
            L.append("- `%s.md`: exit %s" % (n, rows[n]["rc"] or "?"))
            err = rows[n]["err"]
            if err:
                L.append("")
                L.append("  ```")
                for line in err.splitlines()[:10]:
                    L.append("  " + line)
                L.append("  ```")
        L.append("")

    with open(results, "w", encoding="utf-8") as f:
        f.write("\n".join(L))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Soft score against time: Carousel with 1 and 2 threads against CP-SAT.

For each problem (generated with `carousel generate`), runs
  carousel solve P --time-limit L --threads 1   (and --threads 2)
for each seed, reading the best soft score from the progress
lines on stderr and the final score from --json, and
  python3 ../shared/tools/cpsat.py P --workers 2 --time-limit C
once, reading its objective over time from its log and scoring its final
schedule (and its snapshot at L seconds) with check.py. Writes a Markdown
table (means over seeds), the raw runs as JSON, and an SVG plot of soft
score against time (log scale) per problem named with --plot.

  python3 Benchmarks/anytime.py --kinds summer-school,saturday-maths,conference \
      --seeds 3 --limit 10 --cpsat-limit 60 --plot summer-school-1,week-1900-1

Run from the package folder after `swift build -c release`. The machine's
load matters: compare columns of one run.
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CAROUSEL = os.path.join(ROOT, ".build", "release", "carousel")
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "tools")
PROGRESS = re.compile(r"\[\s*([0-9.]+)s\] improve: best soft ([0-9.]+)")
CPSAT_LINE = re.compile(r"^t=([0-9.]+) objective=([0-9.]+)")


def generate(kind, seed, folder):
    """Writes the problem and returns (name, path)."""
    if kind.startswith("week-"):
        visitors = int(kind.split("-")[1])
        name = f"{kind}-{seed}"
        args = ["--visitors", str(visitors), "--days", "5"]
    else:
        name = f"{kind}-{seed}"
        args = ["--kind", kind]
    path = os.path.join(folder, name + ".json")
    if not os.path.exists(path):
        subprocess.run([CAROUSEL, "generate", *args, "--seed", str(seed), "-o", path], check=True,
                       capture_output=True)
    return name, path


def carousel(path, limit, threads, folder, name):
    """One solve: final soft, hard violations, and (seconds, best soft) points."""
    out = os.path.join(folder, f"{name}.t{threads}.schedule.json")
    run = subprocess.run([CAROUSEL, "solve", path, "-o", out, "--time-limit", str(limit), "--threads",
                          str(threads), "--json"], capture_output=True, text=True)
    summary = json.loads(run.stdout)
    points = [(float(t), float(s)) for t, s in PROGRESS.findall(run.stderr)]
    score = summary["score"]
    points.append((summary["seconds"], float(score["soft"])))
    check = subprocess.run([sys.executable, os.path.join(SHARED, "check.py"), "--json", path, out],
                           capture_output=True, text=True)
    first = check.stdout.split("\n", 1)[0]
    checked = json.loads(first) if first.startswith("{") else {}
    return {"soft": score["soft"], "hard": score["hard"], "checkHard": checked.get("hard"),
            "checkSoft": checked.get("soft"), "moves": summary["moves"], "points": points}


def check_soft(path, schedule):
    if not os.path.exists(schedule):
        return None
    check = subprocess.run([sys.executable, os.path.join(SHARED, "check.py"), "--json", path, schedule],
                           capture_output=True, text=True)
    try:
        result = json.loads(check.stdout.split("\n", 1)[0])
    except ValueError:
        return None
    return result["soft"] if result.get("hard") == 0 else None


def cpsat(path, limit, snapshot, folder, name):
    """CP-SAT's run, kept in the work folder (its log beside its schedule)
    and reused by later runs with the same work folder."""
    out = os.path.join(folder, f"{name}.cpsat{fmt(limit)}.json")
    log = out[:-len(".json")] + ".log"
    if not os.path.exists(log):
        run = subprocess.run([sys.executable, os.path.join(SHARED, "cpsat.py"), path, "--workers", "2", "--time-limit",
                              str(limit), "--snapshot-at", str(snapshot), "-o", out],
                             capture_output=True, text=True)
        with open(log, "w") as f:
            f.write(run.stdout + run.stderr)
    with open(log) as f:
        text = f.read()
    points = [(float(m.group(1)), float(m.group(2))) for m in
              (CPSAT_LINE.match(l) for l in text.splitlines()) if m]
    snap = out[:-len(".json")] + f".at{snapshot}.json"
    return {"soft": check_soft(path, out), "atSnapshot": check_soft(path, snap), "points": points}


def mean(xs):
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else None


def fmt(x):
    return "—" if x is None else (f"{x:.1f}" if x != int(x) else str(int(x)))


def svg(name, series, path):
    """Soft score against log time: one polyline per (label, points, colour)."""
    import math
    width, height, left, bottom, top, right = 640, 400, 60, 40, 20, 150
    ts = [t for _, pts, _ in series for t, _ in pts if t > 0]
    ys = [y for _, pts, _ in series for _, y in pts]
    if not ts or not ys:
        return
    t0, t1 = math.log10(max(0.01, min(ts))), math.log10(max(ts))
    # Early scores far above the final ones (CP-SAT's first) are cut at
    # the top, so that the end of every line can be read.
    finals = [max(v for _, v in pts[-1:]) for _, pts, _ in series if pts]
    y0, y1 = 0, min(max(ys), 3 * max(finals)) * 1.05
    def x(t):
        return left + (math.log10(max(t, 10 ** t0)) - t0) / max(1e-9, t1 - t0) * (width - left - right)
    def y(v):
        return height - bottom - (min(v, y1) - y0) / max(1e-9, y1 - y0) * (height - top - bottom)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" font-size="12">',
             f'<rect width="{width}" height="{height}" fill="white"/>',
             f'<text x="{left}" y="14">{name}: best soft score against time (log scale)</text>',
             f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="black"/>',
             f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="black"/>']
    for e in range(math.floor(t0), math.ceil(t1) + 1):
        for m in (1, 2, 5):
            t = m * 10 ** e
            if 10 ** t0 <= t <= 10 ** t1:
                parts.append(f'<line x1="{x(t):.1f}" y1="{height - bottom}" x2="{x(t):.1f}" y2="{height - bottom + 4}" stroke="black"/>')
                parts.append(f'<text x="{x(t):.1f}" y="{height - bottom + 16}" text-anchor="middle">{t:g} s</text>')
    for k in range(6):
        v = y0 + (y1 - y0) * k / 5
        parts.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.0f}</text>')
        parts.append(f'<line x1="{left}" y1="{y(v):.1f}" x2="{width - right}" y2="{y(v):.1f}" stroke="#ddd"/>')
    for i, (label, pts, colour) in enumerate(series):
        if not pts:
            continue
        # A step line: the best so far holds until the next point.
        coords, last = [], None
        for t, v in sorted(pts):
            if last is not None:
                coords.append(f"{x(t):.1f},{y(last):.1f}")
            coords.append(f"{x(t):.1f},{y(v):.1f}")
            last = v
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{" ".join(coords)}"/>')
        parts.append(f'<line x1="{width - right + 10}" y1="{top + 20 * i + 10}" x2="{width - right + 30}" y2="{top + 20 * i + 10}" stroke="{colour}" stroke-width="2"/>')
        parts.append(f'<text x="{width - right + 35}" y="{top + 20 * i + 14}">{label}</text>')
    parts.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(parts) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kinds", default="summer-school,saturday-maths,conference",
                    help="generator kinds, or week-N for an N-visitor 5-day week")
    ap.add_argument("--seeds", type=int, default=3)
    ap.add_argument("--limit", type=float, default=10)
    ap.add_argument("--cpsat-limit", type=float, default=60)
    ap.add_argument("--no-cpsat", action="store_true")
    ap.add_argument("--only-cpsat", action="store_true", help="run (and keep) CP-SAT's runs only")
    ap.add_argument("--plot", default="", help="problems (kind-seed) to plot")
    ap.add_argument("--work", default="/tmp/carousel-anytime")
    ap.add_argument("--out", default=os.path.join(HERE, "results"))
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    os.makedirs(args.out, exist_ok=True)
    plots = set(p for p in args.plot.split(",") if p)
    rows, raw = [], {}
    for kind in args.kinds.split(","):
        runs = []
        for seed in range(1, args.seeds + 1):
            name, path = generate(kind, seed, args.work)
            if args.only_cpsat:
                cpsat(path, args.cpsat_limit, int(args.limit), args.work, name)
                continue
            one = carousel(path, args.limit, 1, args.work, name)
            two = carousel(path, args.limit, 2, args.work, name)
            cp = None if args.no_cpsat else cpsat(path, args.cpsat_limit, int(args.limit), args.work, name)
            raw[name] = {"oneThread": one, "twoThreads": two, "cpsat": cp}
            runs.append((one, two, cp))
            print(f"{name}: 1 thread {one['soft']} (hard {one['hard']}), 2 threads {two['soft']} (hard {two['hard']}), "
                  f"CP-SAT {cp and cp['soft']} (at {int(args.limit)} s: {cp and cp['atSnapshot']})", file=sys.stderr)
            if name in plots:
                series = [("Carousel, 1 thread", one["points"], "#1f77b4"),
                          ("Carousel, 2 threads", two["points"], "#2ca02c")]
                if cp:
                    series.append(("CP-SAT, 2 workers", cp["points"], "#d62728"))
                svg(name, series, os.path.join(args.out, f"anytime-{name}.svg"))
        if args.only_cpsat:
            continue
        rows.append((kind, [r[0]["soft"] for r in runs], [r[1]["soft"] for r in runs],
                     [r[2] and r[2]["atSnapshot"] for r in runs], [r[2] and r[2]["soft"] for r in runs],
                     max(max(r[0]["hard"], r[1]["hard"]) for r in runs)))
    lim, clim = fmt(args.limit), fmt(args.cpsat_limit)
    lines = [f"Seeds 1…{args.seeds}; soft score (lower is better), per seed and mean.", "",
             f"| problem | 1 thread at {lim} s | mean | 2 threads at {lim} s | mean | CP-SAT at {lim} s | CP-SAT at {clim} s | mean | hard (Carousel) |",
             "|---|---|---:|---|---:|---|---|---:|---:|"]
    for kind, one, two, cp10, cp, hard in rows:
        lines.append(f"| {kind} | {' / '.join(map(fmt, one))} | {fmt(mean(one))} | {' / '.join(map(fmt, two))} | "
                     f"{fmt(mean(two))} | {' / '.join(map(fmt, cp10))} | {' / '.join(map(fmt, cp))} | {fmt(mean(cp))} | {hard} |")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(args.out, "anytime.md"), "w") as f:
        f.write(text)
    with open(os.path.join(args.out, "anytime.json"), "w") as f:
        json.dump(raw, f, indent=1)


if __name__ == "__main__":
    main()

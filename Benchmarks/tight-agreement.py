#!/usr/bin/env python3
"""Small and tight generated problems: does Carousel find a feasible schedule
within a short limit, and does check.py agree with it on every schedule?

For each kind of `carousel generate --kind` (the STEM week as a small
week of 380 or 1,900 visitors), seeds, scales 0.3 and 1, at tightness 1
(the tightest setting meant to be feasible), it generates the problem,
solves it with `carousel solve --time-limit LIMIT --json` and scores the
schedule with `check.py --lenient`. A row is OK when check.py's verdict,
hard count, soft score and every term equal Carousel's (Carousel's own
terms, staffIdleGap and arrivalCrowding, left out of the soft score);
MISMATCH otherwise. Not feasible at the limit is reported, not an error:
some of these problems may be infeasible, and nothing proves which.

  python3 Benchmarks/tight-agreement.py .build/release/carousel /tmp/tight \
      --limit 2 --seeds 11,12,13

Prints a Markdown table (one row per kind) and the problems not solved.
"""
import argparse
import itertools
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared", "tools", "check.py")
KINDS = ["stem-week", "summer-school", "saturday-maths", "conference", "galactic-challenge",
         "year12-enrichment", "term-sports", "partnership-year", "host-lessons", "webinar"]
CAROUSEL_ONLY = {"staffIdleGap", "arrivalCrowding"}


def run(carousel, folder, kind, seed, scale, limit):
    """Returns (status, detail) for one problem."""
    tag = f"{kind}-s{seed}-x{scale}"
    problem, schedule = f"{folder}/{tag}.json", f"{folder}/{tag}.schedule.json"
    size = (["--kind", kind, "--scale", str(scale)] if kind != "stem-week"
            else ["--visitors", str(int(1900 * scale * 0.2) if scale < 1 else 1900), "--schools", "4", "--days", "2"])
    subprocess.run([carousel, "generate", *size, "--tightness", "1", "--seed", str(seed), "-o", problem],
                   check=True, capture_output=True)
    solved = subprocess.run([carousel, "solve", problem, "-o", schedule, "--time-limit", str(limit),
                             "--quiet", "--json"], capture_output=True, text=True)
    if solved.returncode not in (0, 1):
        return "ERROR", f"{tag}: solve exit {solved.returncode}: {solved.stderr.strip()[:200]}"
    mine = json.loads(solved.stdout)
    checked = subprocess.run(["python3", CHECK, "--lenient", problem, schedule], capture_output=True, text=True)
    line = next((l for l in reversed(checked.stdout.splitlines()) if l.startswith("feasible=")), None)
    if line is None:
        return "MISMATCH", f"{tag}: check.py gave no verdict"
    fields = dict(f.split("=", 1) for f in line.split(" ", 3)[:3])
    terms = json.loads(line.split("terms=", 1)[1])
    score = mine["score"]
    soft = score["soft"] - sum(score["terms"].get(k, 0) for k in CAROUSEL_ONLY)
    agree = ((fields["feasible"] == "true") == mine["feasible"] and int(fields["hard"]) == score["hard"]
             and abs(float(fields["soft"]) - soft) < 1e-6
             and all(abs(v - score["terms"].get(k, float("nan"))) < 1e-6 for k, v in terms.items()))
    if not agree:
        return "MISMATCH", f"{tag}: check.py {line}"
    if not mine["feasible"]:
        return "NOT FEASIBLE", f"{tag}: {len(mine['unmet'])} requirement(s) unmet at {limit} s"
    return "OK", ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("carousel")
    parser.add_argument("folder")
    parser.add_argument("--limit", type=float, default=2)
    parser.add_argument("--seeds", default="11,12,13")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    seeds = [int(s) for s in args.seeds.split(",")]
    notes = []
    print(f"| kind | problems | agree with check.py | feasible at {args.limit:g} s |")
    print("|---|---:|---:|---:|")
    for kind in KINDS:
        results = [run(args.carousel, args.folder, kind, seed, scale, args.limit)
                   for seed, scale in itertools.product(seeds, [0.3, 1])]
        agree = sum(status in ("OK", "NOT FEASIBLE") for status, _ in results)
        feasible = sum(status == "OK" for status, _ in results)
        print(f"| {kind} | {len(results)} | {agree} | {feasible} |", flush=True)
        notes += [detail for status, detail in results if status != "OK"]
    for detail in notes:
        print(f"- {detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

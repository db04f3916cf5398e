#!/bin/sh
# Time to the first feasible schedule and peak memory against size (issue 16,
# item 4): generated STEM weeks from 1,900 to 1,000,000 visitors, one
# thread, construction alone (`--first`), each result checked with
# `carousel validate`. Prints a Markdown table.
#
#   Benchmarks/scaling.sh [CAROUSEL] [WORK_FOLDER] [SIZES]
#
# CAROUSEL defaults to .build/release/carousel (build it with
# `swift build -c release`), WORK_FOLDER to a new temporary folder, SIZES to
# every size below as visitors:days pairs ("1900:5 1000000:100"). Needs
# /usr/bin/time (GNU time) for the peak resident set. The largest problem
# takes about a minute and 0.5 GB.
set -eu
carousel=${1:-.build/release/carousel}
work=${2:-$(mktemp -d)}
sizes=${3:-"1900:5 5000:5 20000:10 100000:20 200000:20 500000:50 1000000:100"}
limit=60
mkdir -p "$work"

echo "machine load before: $(uptime | sed 's/.*load average: //')"
echo
echo "| visitors | days | groups | first feasible (s) | CPU (s) | wall (s) | peak memory (MB) | validate |"
echo "|---:|---:|---:|---:|---:|---:|---:|---|"
for size in $sizes; do
    visitors=${size%%:*}
    days=${size##*:}
    problem="$work/week-$visitors.json"
    schedule="$work/week-$visitors.schedule.json"
    groups=$("$carousel" generate --visitors "$visitors" --days "$days" --seed 3 -o "$problem" |
        sed 's/.*: \([0-9]*\) groups.*/\1/')
    /usr/bin/time -v "$carousel" solve "$problem" --quiet --time-limit "$limit" --first --json -o "$schedule" \
        >"$work/out.json" 2>"$work/time.txt" || true
    summary=$(python3 - "$work/out.json" "$work/time.txt" <<'EOF'
import json, sys
out = json.load(open(sys.argv[1]))
timing = open(sys.argv[2]).read()
def field(name):
    line = next(l for l in timing.splitlines() if l.strip().startswith(name))
    return line.rsplit(": ", 1)[1].strip()
cpu = float(field("User time")) + float(field("System time"))
wall = field("Elapsed (wall clock) time")
minutes, seconds = wall.split(":")[-2:]
wall_seconds = int(minutes) * 60 + float(seconds)
first = out.get("firstFeasibleSeconds")
first_text = f"{first:.2f}" if first is not None else f"not feasible ({len(out['unmet'])} unmet)"
print(f"{first_text} | {cpu:.2f} | {wall_seconds:.1f} | {int(field('Maximum resident set size')) // 1024}")
EOF
)
    verdict=$("$carousel" validate "$problem" "$schedule" 2>&1 | head -1 | sed 's/^.*: //')
    echo "| $visitors | $days | $groups | $summary | $verdict |"
done
echo
echo "machine load after: $(uptime | sed 's/.*load average: //')"

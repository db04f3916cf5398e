#!/usr/bin/env bash
# Issue "Carousel 4" targets, measured with the release CLI on the STEM week:
# repair after a staff member is removed for a day, capacity per day, and
# explanations of the infeasible example scenarios. Prints a Markdown table.
# Usage: Benchmarks/whatif-targets.sh   (from the repository root)
set -euo pipefail
swift build -c release --product carousel >/dev/null
C=.build/release/carousel
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
$C solve Examples/stem-week.json -o "$T/base.json" --quiet >/dev/null
$C whatif Examples/stem-week.json Benchmarks/scenarios/teacher-ill-tuesday.json Examples/scenarios/infeasible/*.json \
    --schedule "$T/base.json" --save "$T" --quiet >/dev/null
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
echo "| measurement | result | target |"
echo "|---|---|---|"
$C repair "$T/teacher-ill-tuesday.problem.json" "$T/base.json" -o "$T/repaired.json" --quiet --json \
  | json '"| repair, ms-shaw removed on Tuesday | %s, %.3f s, %d of %d sessions changed (%.1f%%) | feasible, < 2 s, ≤ 5%% |" % ("feasible" if d["feasible"] else "INFEASIBLE", d["seconds"], d["sessionsChanged"], d["sessionsBefore"], d["sessionsChangedPercent"])'
$C capacity Examples/stem-week.json --like oakfield-4s --per-day --json \
  | json '"| capacity per day, classes like oakfield-4s | %s in %.1f s | < 60 s |" % (", ".join("%s +%s" % (a["day"], a["extraClasses"]) for a in d["answers"]), d["seconds"])'
for f in "$T"/hall-closed.problem.json "$T"/presenters-away.problem.json; do
  $C explain "$f" --json | json '"| explain %s | %d requirements, %d of them verified, %.2f s | a handful, each verified |" % ("'"$(basename "$f" .problem.json)"'", len(d["conflict"]), sum(c["verified"] for c in d["conflict"]), d["seconds"])' || true
done

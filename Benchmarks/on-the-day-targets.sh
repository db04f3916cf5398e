#!/usr/bin/env bash
# Issue 17 targets, measured with the release CLI on the STEM Week (1,892
# pupils): repair on the day (--now) after a coach 40 minutes late, a room
# lost at 11:00 and a presenter ill after lunch. Prints a Markdown table:
# time (the repair's own, from its --json, and the whole command's wall
# clock: reading the files, the scenario, repairing, writing), sessions and group attendances
# changed, the latter as a share of the old schedule's group attendances,
# and the repair's lower bound on the attendances that must change
# (`unavoidableChanges` of its --json: those whose old place the event
# itself forbids), so that a row over the target shows whether the target
# could be met at all.
# Usage: Benchmarks/on-the-day-targets.sh [SEED]   (from the repository root)
set -euo pipefail
swift build -c release --product carousel >/dev/null
C=.build/release/carousel
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
$C solve Examples/stem-week.json -o "$T/base.json" --quiet --seed "${1:-1}" >/dev/null
total=$(python3 -c "import json; print(sum(len(s['groups']) for s in json.load(open('$T/base.json'))['sessions']))")
echo "| event (repair --now) | feasible | repair time | command wall time | sessions changed | group attendances changed | unavoidable (lower bound) | target |"
echo "|---|---|---|---|---|---|---|---|"
for event in "coach-late|tue 09:40|St Joseph coach 40 min late, tue 09:40" \
             "room-lost|tue 11:00|VR Studio (the only VR room) lost at 11:00 tue" \
             "lab-lost|tue 11:00|Chemistry Lab S1 lost at 11:00 tue" \
             "presenter-ill|tue 12:30|Dr Grant ill after lunch tue, 12:30"; do
  IFS='|' read -r file now label <<<"$event"
  start=$(date +%s.%N)
  $C repair Examples/stem-week.json "$T/base.json" --change "Examples/scenarios/on-the-day/$file.json" --now "$now" \
      -o "$T/$file.json" --quiet --json >"$T/$file.out" || true
  wall=$(python3 -c "print($(date +%s.%N) - $start)")
  python3 -c "import json,sys; d=json.load(open('$T/$file.out')); t=$total; print('| %s | %s | %.3f s | %.3f s | %d of %d | %d of %d (%.1f%%) | %d (%.1f%%) | < 1 s, ≤ 3%% |' % ('$label', 'yes' if d['feasible'] else 'NO', d['seconds'], $wall, d['sessionsChanged'], d['sessionsBefore'], d['attendancesChanged'], t, 100.0 * d['attendancesChanged'] / t, d['unavoidableChanges'], 100.0 * d['unavoidableChanges'] / t))"
done

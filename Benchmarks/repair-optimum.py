#!/usr/bin/env python3
"""The fewest group attendances any on-the-day repair can change, by CP-SAT.

    python3 Benchmarks/repair-optimum.py PROBLEM OLD SCENARIO --now "tue 11:00"
        [--repaired REPAIRED] [--time-limit 120] [--workers 2] [-o BEST]

An independent check of `carousel repair --now` (issue 17): it builds the
exact model of `../shared/tools/cpsat.py` (every hard rule of the format) for
PROBLEM with SCENARIO's changes applied, and replaces its objective by the
count `carousel repair` reports as "group attendances changed"
(`ScheduleDiff.attendancesChanged`, docs/format.md): per group, each old
attendance (activity, day, start, room and exact staff) not in the new
schedule is 1, and for each activity, each new attendance beyond the group's
old number of that activity is 1 more. What has happened or is under way
stays: every candidate session that starts before NOW (its day earlier, or
that day at an earlier time) is fixed to the old schedule, groups and staff
and all, and nothing else starts then. Later sessions are free.

It prints the optimum and CP-SAT's bound (equal when proven optimal). With
--repaired (carousel's repair of the same event), that schedule is given as a
hint, so the search starts from it, and its count is printed beside: a
proven optimum equal to it shows the repair optimal; a bound above 3 % shows
the target out of reach for that old schedule.

Scenario changes supported: `close` (a room unavailable at the listed
times), the kind the room-lost events use. Needs OR-Tools (`pip install
ortools`); the model is cpsat.py's, imported from ../shared/tools.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "tools"))
import check  # noqa: E402
import cpsat  # noqa: E402
from ortools.sat.python import cp_model  # noqa: E402


def apply_scenario(raw, scenario):
    """The problem with the scenario's `close` changes made."""
    rooms = {r["id"]: r for r in raw["rooms"]}
    for change in scenario["changes"]:
        if set(change) != {"close", "when"}:
            sys.exit(f"error: only 'close' changes are supported, got {sorted(change)}")
        room = rooms.get(change["close"])
        if room is None:
            sys.exit(f"error: scenario closes unknown room {change['close']!r}")
        room["unavailable"] = list(room.get("unavailable", [])) + list(change["when"])
    return raw


def minute(text):
    h, m = text.split(":")
    return int(h) * 60 + int(m)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("problem")
    ap.add_argument("old")
    ap.add_argument("scenario")
    ap.add_argument("--now", required=True, help='"DAY HH:MM", as carousel repair --now')
    ap.add_argument("--repaired", help="carousel's repaired schedule: a hint, and its count printed")
    ap.add_argument("--time-limit", type=float, default=120)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("-o", "--output", help="write the best repair found here (a schedule file)")
    args = ap.parse_args(argv)

    raw = apply_scenario(check.load_json(args.problem, jsonc=True), json.load(open(args.scenario)))
    # Carousel's own additions (gates, coaches, dietary counts) are not scored: lenient.
    pb = check.Problem(raw, lenient=True, path=args.problem)
    opts = argparse.Namespace(seed=1, max_vars=10 ** 9, time_limit=args.time_limit, workers=args.workers)
    M = cpsat.Model(pb, opts)
    M.build()
    m, cands = M.m, M.cands

    day_name, clock = args.now.split()
    now_day, now_minute = pb.day_ids.index(day_name), minute(clock)
    act = {A["id"]: a for a, A in enumerate(pb.acts)}
    room = {R["id"]: r for r, R in enumerate(pb.rooms)}
    period = {p: i for i, p in enumerate(pb.period_ids)}
    group = {G["id"]: g for g, G in enumerate(M.G)}
    staff = {S["id"]: s for s, S in enumerate(pb.staff)}
    where = {(c["a"], c["d"], c["p"], c["r"]): i for i, c in enumerate(cands)}
    staff_vars = defaultdict(list)  # candidate -> [(staff, var)], one per row it may fill
    for (st, i, row), v in M.y.items():
        staff_vars[i].append((st, v))

    def key(session):
        return (act[session["activity"]], pb.day_ids.index(session["day"]), period[session["start"]],
                room[session["room"]])

    def started(i):
        c = cands[i]
        return c["d"] < now_day or (c["d"] == now_day and pb.p_start[c["p"]] < now_minute)

    old = json.load(open(args.old))["sessions"]
    old_at = {key(s): s for s in old}
    # What has happened or is under way stays exactly; nothing else starts then.
    for i, c in enumerate(cands):
        if not started(i):
            continue
        s = old_at.get((c["a"], c["d"], c["p"], c["r"]))
        m.add(M.open[i] == (1 if s else 0))
        members = {group[g] for g in s["groups"]} if s else set()
        for g in c["groups"]:
            m.add(M.x[(g, i)] == (1 if g in members else 0))
        names = {staff[x] for x in s["staff"]} if s else set()
        for st in {st for st, _ in staff_vars[i]}:
            m.add(sum(v for st2, v in staff_vars[i] if st2 == st) == (1 if st in names else 0))
    # The count: old attendances not kept exactly, and new ones beyond the old number.
    changed = []
    old_count = defaultdict(int)
    for s in old:
        k = key(s)
        i = where.get(k)
        for gid in s["groups"]:
            g = group[gid]
            old_count[(g, k[0])] += 1
            if i is not None and started(i):
                continue  # fixed as it was
            if i is None or (g, i) not in M.x:
                changed.append(1)
                continue
            keep = m.new_bool_var("")
            m.add(keep <= M.x[(g, i)])
            mine = {staff[x] for x in s["staff"]}
            for st, v in staff_vars[i]:
                if st not in mine:
                    m.add(keep <= 1 - v)
            for st in mine:
                rows = [v for st2, v in staff_vars[i] if st2 == st]
                if rows:
                    m.add(keep <= sum(rows))
                elif (st, i) not in M.extra:
                    m.add(keep == 0)
            changed.append(1 - keep)
    attended = defaultdict(list)
    for (g, i), v in M.x.items():
        attended[(g, cands[i]["a"])].append(v)
    for (g, a), vs in attended.items():
        extra = m.new_int_var(0, len(vs), "")
        m.add(extra >= sum(vs) - old_count[(g, a)])
        changed.append(extra)
    m.clear_objective()
    m.minimize(sum(changed))

    repaired_count = None
    if args.repaired:
        rep = json.load(open(args.repaired))["sessions"]
        rep_at = {key(s): s for s in rep}
        for i, c in enumerate(cands):
            s = rep_at.get((c["a"], c["d"], c["p"], c["r"]))
            m.add_hint(M.open[i], 1 if s else 0)
            members = {group[g] for g in s["groups"]} if s else set()
            names = {staff[x] for x in s["staff"]} if s else set()
            for g in c["groups"]:
                m.add_hint(M.x[(g, i)], 1 if g in members else 0)
            for st, v in staff_vars[i]:
                m.add_hint(v, 1 if st in names else 0)
        repaired_count = count_changed(old, rep)

    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = args.time_limit
    solver.parameters.num_workers = args.workers
    # As cpsat.py's default ("light"): full presolve spends ~15 s on the week.
    solver.parameters.symmetry_level = 0
    solver.parameters.max_presolve_iterations = 1
    solver.parameters.cp_model_probing_level = 0
    status = solver.solve(m)
    name = solver.status_name(status)
    result = {"status": name, "bound": round(solver.best_objective_bound),
              "best": round(solver.objective_value) if status in (cp_model.OPTIMAL, cp_model.FEASIBLE) else None,
              "repaired": repaired_count, "seconds": round(solver.wall_time, 1)}
    if args.output and result["best"] is not None:
        sessions = M.extract(solver.boolean_value, solver.value)
        cpsat.write_atomic(args.output, cpsat.schedule_json(pb, sessions, args.problem))
    print(json.dumps(result))
    return 0


def count_changed(old, new):
    """`ScheduleDiff.attendancesChanged`: old attendances not in `new` exactly,
    plus, per group and activity, new ones beyond the old number."""
    def attendances(sessions):
        out = defaultdict(list)
        for s in sessions:
            for g in s["groups"]:
                out[g].append((s["activity"], s["day"], s["start"], s["room"], tuple(sorted(s["staff"]))))
        return out
    before, after = attendances(old), attendances(new)
    count = 0
    for g in set(before) | set(after):
        b, a = before.get(g, []), after.get(g, [])
        count += sum(1 for x in b if x not in a)
        for activity in {x[0] for x in a}:
            count += max(0, sum(1 for x in a if x[0] == activity) - sum(1 for x in b if x[0] == activity))
    return count


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Random curriculum-based course timetabling instances, in the ITC-2007
format (.ctt) and the extended one of the later benchmark sets (.ectt): does
`carousel import itc2007` read each one, does the solver find a schedule
that breaks no rule, and do the competition's rules (`carousel export
itc2007 --ctt`, which reads the original file and knows nothing of
Carousel's model), check.py and Carousel's own score agree on it?

Every instance is built around a timetable planted first, so every one is
feasible: each lecture gets a distinct (day, period, room); a course's
lectures fall in distinct periods; a teacher's courses, and a curriculum's,
never share a period in it; unavailable periods and (.ectt) unsuitable rooms
are drawn among those the planted timetable leaves alone. Shapes vary: 1–7
days, 1–20 periods a day (more than 16 gets shorter periods), 1–40 rooms,
30–100 % of the room-periods filled, up to a few thousand lectures; a third
of the files have Windows line ends, a sixth a byte order mark; .ectt files
add daily lecture limits, double lectures and room sites (read, checked and
left out by the ITC-2007 rules) and room constraints (kept hard).

A row is OK when the solve is feasible, the competition's rules find no hard
violation, and the competition's penalty equals Carousel's soft score and
check.py's; NOT FEASIBLE when the solver found no complete schedule within
the limit (every instance has one); MISMATCH or ERROR otherwise.

  python3 Benchmarks/ctt-agreement.py .build/release/carousel /tmp/ctt \\
      --count 60 --limit 3

Prints a Markdown table (one row per format and size) and every row that
is not OK.
"""
import argparse
import json
import os
import random
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(os.path.dirname(os.path.dirname(HERE)), "shared", "tools", "check.py")


def instance(seed, extended):
    """The text of a random instance with a planted timetable, and its shape."""
    R = random.Random(seed)
    days = R.choice([1, 2, 5, 5, 6, 7])
    periods = R.choice([1, 2, 4, 5, 6, 8, 10, 12, 20])
    rooms = R.choice([1, 2, 3, 5, 8, 12, 20, 40])
    fill = R.uniform(0.3, 1.0)
    cells = [(d, p, r) for d in range(days) for p in range(periods) for r in range(rooms)]
    R.shuffle(cells)
    pool = cells[:max(1, int(len(cells) * fill))]
    lectures = len(pool)
    courses = []  # each: the planted (day, period, room) of its lectures, distinct periods
    while pool:
        size, taken, mine, rest = R.randint(1, min(6, len(pool))), set(), [], []
        for cell in pool:
            if len(mine) < size and cell[:2] not in taken:
                mine.append(cell)
                taken.add(cell[:2])
            else:
                rest.append(cell)
        courses.append(mine)
        pool = rest
    busy = [{c[:2] for c in course} for course in courses]
    teachers, teacher_of = [], []  # a teacher's courses never share a planted period
    for i in range(len(courses)):
        free = [t for t, periods_taken in enumerate(teachers) if not periods_taken & busy[i]]
        if free and R.random() < 0.7:
            t = R.choice(free)
        else:
            t = len(teachers)
            teachers.append(set())
        teachers[t] |= busy[i]
        teacher_of.append(t)
    curricula = []
    for _ in range(R.randint(0, max(1, len(courses) // 2))):
        order = list(range(len(courses)))
        R.shuffle(order)
        taken, members, most = set(), [], R.randint(1, 8)
        for i in order:
            if len(members) < most and not taken & busy[i]:
                taken |= busy[i]
                members.append(i)
        curricula.append(members)
    unavailable = []
    for i in range(len(courses)):
        if R.random() < 0.3:
            free = [(d, p) for d in range(days) for p in range(periods) if (d, p) not in busy[i]]
            unavailable += [(i, cell) for cell in R.sample(free, R.randint(0, len(free)))]
    unsuitable = []
    if extended:
        for i, course in enumerate(courses):
            used = {c[2] for c in course}
            unsuitable += [(i, r) for r in range(rooms) if r not in used and R.random() < 0.3]
    capacities = [R.choice([10, 20, 30, 50, 100, 200]) for _ in range(rooms)]
    lines = [f"Name: random{seed}", f"Courses: {len(courses)}", f"Rooms: {rooms}", f"Days: {days}",
             f"Periods_per_day: {periods}", f"Curricula: {len(curricula)}"]
    if extended:
        lines += [f"Min_Max_Daily_Lectures: {R.randint(0, 2)} {R.randint(2, 5)}",
                  f"UnavailabilityConstraints: {len(unavailable)}", f"RoomConstraints: {len(unsuitable)}"]
    else:
        lines.append(f"Constraints: {len(unavailable)}")
    lines += ["", "COURSES:"]
    for i, course in enumerate(courses):
        min_days = R.randint(0, min(days, len(course)) + 1)  # sometimes more than it can have
        students = R.choice([0, 5, 15, 25, 60, 150])
        lines.append(f"c{i:04d} t{teacher_of[i]:03d} {len(course)} {min_days} {students}"
                     + (f" {R.randint(0, 1)}" if extended else ""))
    lines += ["", "ROOMS:"]
    lines += [f"r{r:02d}\t{capacities[r]}" + (f" {R.randint(0, 3)}" if extended else "") for r in range(rooms)]
    lines += ["", "CURRICULA:"]
    lines += [f"q{q:03d} {len(m)} " + " ".join(f"c{i:04d}" for i in m) for q, m in enumerate(curricula)]
    lines += ["", "UNAVAILABILITY_CONSTRAINTS:"]
    lines += [f"c{i:04d} {d} {p}" for i, (d, p) in unavailable]
    if extended:
        lines += ["", "ROOM_CONSTRAINTS:"]
        lines += [f"c{i:04d} r{r:02d}" for i, r in unsuitable]
    lines += ["", "END."]
    ending = "\r\n" if seed % 3 == 0 else "\n"
    text = ("\ufeff" if seed % 6 == 0 else "") + ending.join(lines) + ending
    size = "small" if lectures < 100 else "medium" if lectures < 600 else "large"
    return text, size, lectures


def run(carousel, folder, seed, extended, limit):
    """Returns (format, size, status, detail) for one instance."""
    fmt = "ectt" if extended else "ctt"
    text, size, lectures = instance(seed, extended)
    source = f"{folder}/random{seed}.{fmt}"
    problem, schedule = f"{folder}/random{seed}-{fmt}.json", f"{folder}/random{seed}-{fmt}.schedule.json"
    with open(source, "w", newline="") as f:
        f.write(text)
    tag = f"random{seed}.{fmt} ({lectures} lectures)"
    imported = subprocess.run([carousel, "import", "itc2007", source, "-o", problem], capture_output=True, text=True)
    if imported.returncode != 0:
        return fmt, size, "ERROR", f"{tag}: import exit {imported.returncode}: {imported.stderr.strip()[:200]}"
    solved = subprocess.run([carousel, "solve", problem, "-o", schedule, "--time-limit", str(limit), "--moves", "0",
                             "--quiet", "--json"], capture_output=True, text=True)
    if solved.returncode not in (0, 1):
        return fmt, size, "ERROR", f"{tag}: solve exit {solved.returncode}: {solved.stderr.strip()[:200]}"
    mine = json.loads(solved.stdout)
    if not mine["feasible"]:
        return fmt, size, "NOT FEASIBLE", f"{tag}: no complete schedule in {limit} s"
    exported = subprocess.run([carousel, "export", "itc2007", problem, schedule, "-o", f"{folder}/random{seed}-{fmt}.sol",
                               "--ctt", source], capture_output=True, text=True)
    verdict = " ".join(exported.stdout.split())
    if exported.returncode != 0 or "hard 0 " not in verdict:
        return fmt, size, "MISMATCH", f"{tag}: the competition's rules: {verdict[:300]}"
    penalty = int(verdict.split("penalty ", 1)[1].split(" ", 1)[0])
    checked = subprocess.run(["python3", CHECK, problem, schedule], capture_output=True, text=True)
    line = next((l for l in reversed(checked.stdout.splitlines()) if l.startswith("feasible=")), "")
    if not line.startswith("feasible=true hard=0 ") or float(line.split("soft=", 1)[1].split(" ", 1)[0]) != penalty:
        return fmt, size, "MISMATCH", f"{tag}: penalty {penalty}, check.py {line[:200]}"
    if mine["score"]["soft"] != penalty:
        return fmt, size, "MISMATCH", f"{tag}: penalty {penalty}, Carousel's soft {mine['score']['soft']}"
    return fmt, size, "OK", ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("carousel")
    parser.add_argument("folder")
    parser.add_argument("--count", type=int, default=60, help="instances of each format")
    parser.add_argument("--first-seed", type=int, default=1)
    parser.add_argument("--limit", type=float, default=3, help="seconds per solve")
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    rows, problems = {}, []
    for seed in range(args.first_seed, args.first_seed + args.count):
        for extended in (False, True):
            fmt, size, status, detail = run(args.carousel, args.folder, seed, extended, args.limit)
            rows.setdefault((fmt, size), {}).setdefault(status, 0)
            rows[(fmt, size)][status] += 1
            if detail:
                problems.append(f"- {status}: {detail}")
    statuses = ["OK", "NOT FEASIBLE", "MISMATCH", "ERROR"]
    print("| format | size | instances | " + " | ".join(statuses) + " |")
    print("|---|---|---:|" + "---:|" * len(statuses))
    for fmt in ("ctt", "ectt"):
        for size in ("small", "medium", "large"):
            counts = rows.get((fmt, size))
            if counts:
                print(f"| {fmt} | {size} | {sum(counts.values())} | " + " | ".join(str(counts.get(s, 0)) for s in statuses)
                      + " |")
    print("\n".join([""] + problems) if problems else "\nEvery instance OK.")


if __name__ == "__main__":
    main()

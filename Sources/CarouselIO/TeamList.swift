import CarouselModel
import CarouselSolver

/// The `teams` list of a schedule file (spec section 16): the teams formed
/// for the problem's formations, read leniently as `check.py` reads them
/// (an unusable entry is a `[format]` violation and is dropped; a member
/// entry that cannot be used is reported and ignored) and written back.
public enum TeamList {
    /// The teams of `value` (the schedule's `teams`) for `problem` (without
    /// team groups), and the violations found reading them.
    public static func read(_ value: JSONValue?, problem: Problem) -> (teams: [Team], violations: [Violation]) {
        var violations: [Violation] = []
        guard let value else {
            return (
                [],
                [
                    Violation(
                        .malformedEntry, "schedule: 'teams' is required: the problem forms teams (its \"teams\" list)")
                ]
            )
        }
        guard let list = value.array else {
            return ([], [Violation(.malformedEntry, "schedule: 'teams' is not a list")])
        }
        var groupIndex: [String: Int] = [:]
        for (g, group) in problem.groups.enumerated() { groupIndex[group.id] = g }
        var formationIndex: [String: Int] = [:]
        for (f, formation) in problem.formations.enumerated() where formationIndex[formation.id] == nil {
            formationIndex[formation.id] = f
        }
        var teams: [Team] = []
        var seen = Set<String>()
        for (i, item) in list.enumerated() {
            let tag = "teams[\(i)]"
            guard let t = item.object else {
                violations.append(Violation(.malformedEntry, "\(tag): not an object"))
                continue
            }
            guard let id = t["id"]?.string, !id.isEmpty else {
                violations.append(Violation(.malformedEntry, "\(tag): id is not a non-empty string"))
                continue
            }
            if groupIndex[id] != nil {
                violations.append(Violation(.malformedEntry, "\(tag): team id \"\(id)\" is already a group id"))
                continue
            }
            if seen.contains(id) {
                violations.append(Violation(.malformedEntry, "\(tag): duplicate team id \"\(id)\""))
                continue
            }
            guard let f = t["formation"]?.string.flatMap({ formationIndex[$0] }) else {
                let text = t["formation"].map { $0.string.map { "\"\($0)\"" } ?? $0.kindName } ?? "(missing)"
                violations.append(Violation(.malformedEntry, "\(tag) \(id): unknown formation \(text)"))
                continue
            }
            seen.insert(id)
            let formation = problem.formations[f]
            var team = Team(id: id, formation: f, members: [:])
            for key in ["members", "pupils"] {
                guard let raw = t[key] else { continue }
                guard let object = raw.object else {
                    violations.append(Violation(.malformedEntry, "\(tag) \(id): \(key) is not an object"))
                    continue
                }
                for entry in object.entries {
                    guard let g = groupIndex[entry.key], problem.groups[g].pool else {
                        violations.append(
                            Violation(.malformedEntry, "\(tag) \(id): \(key): \"\(entry.key)\" is not a pool group"))
                        continue
                    }
                    if key == "members" {
                        guard let n = entry.value.number?.integer, n >= 0 else {
                            let got = entry.value.number?.text ?? entry.value.kindName
                            violations.append(
                                Violation(
                                    .malformedEntry,
                                    "\(tag) \(id): members: \(entry.key): expected a whole number ≥ 0, got \(got)"))
                            continue
                        }
                        guard formation.pools.contains(g) else {
                            violations.append(
                                Violation(
                                    .teams,
                                    "team \(id) (\(formation.id)): members from pool \(entry.key), which is not one of the formation's pools"
                                ))
                            continue
                        }
                        team.members[g] = n
                    } else {
                        guard let names = entry.value.array?.compactMap(\.string),
                            names.count == entry.value.array?.count
                        else {
                            violations.append(
                                Violation(
                                    .malformedEntry, "\(tag) \(id): pupils: \(entry.key): expected a list of names"))
                            continue
                        }
                        guard formation.pools.contains(g) else {
                            violations.append(
                                Violation(
                                    .teams,
                                    "team \(id) (\(formation.id)): pupils from pool \(entry.key), which is not one of the formation's pools"
                                ))
                            continue
                        }
                        team.pupils[g] = names
                    }
                }
            }
            teams.append(team)
        }
        return (teams, violations)
    }

    /// The problem's teams (its team groups) as a schedule file's `teams`.
    public static func json(_ problem: Problem) -> JSONOutput {
        .array(
            problem.teams.map { team in
                var o: [(String, JSONOutput)] = [
                    ("id", .string(team.id)), ("formation", .string(problem.formations[team.formation].id)),
                    (
                        "members",
                        .object(team.members.keys.sorted().map { (problem.groups[$0].id, .int(team.members[$0]!)) })
                    ),
                ]
                if !team.pupils.isEmpty {
                    o.append(
                        (
                            "pupils",
                            .object(
                                team.pupils.keys.sorted().map { pool in
                                    (problem.groups[pool].id, .array(team.pupils[pool]!.map { .string($0) }))
                                })
                        ))
                }
                return .object(o)
            })
    }
}

import CarouselModel
import CarouselSolver

/// Small random problems that use the version 2 additions (spec sections
/// 10–16) together: sites with travel (sometimes asymmetric) and an online
/// meeting room, homes, host sites, a spacing entry over dated days, items
/// `within` days, `sameStaff` groups with mentors, fixed lessons that may
/// move, and a formation of mixed teams from pools — for the property
/// tests that every schedule the solver calls complete breaks no rule,
/// check.py agrees, and the incremental score stays exact.
struct RandomVersion2Problem {
    let seed: UInt64
    let json: String

    init(seed: UInt64) {
        self.seed = seed
        var rng = SeededRandom(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 99)
        func pick(_ n: Int) -> Int { rng.below(n) }
        func chance(_ p: Double) -> Bool { rng.unit() < p }
        func range(_ lo: Int, _ hi: Int) -> Int { lo + rng.below(hi - lo + 1) }
        func q(_ s: String) -> String { "\"\(s)\"" }
        func list(_ xs: [String]) -> String { "[" + xs.joined(separator: ", ") + "]" }

        // Three dated days (a week apart from the first), five periods with a break.
        let days = ["d0", "d1", "d2"]
        let calendar = """
            {"days": [{"id": "d0", "date": "2026-05-04"}, {"id": "d1", "date": "2026-05-05"}, {"id": "d2", "date": "2026-05-11"}],
             "periods": [{"id": "p0", "start": "09:00", "end": "09:45"}, {"id": "p1", "start": "09:45", "end": "10:30"},
                         {"id": "brk", "start": "10:30", "end": "11:00", "break": true},
                         {"id": "p2", "start": "11:00", "end": "11:45"}, {"id": "p3", "start": "11:45", "end": "12:30"}]}
            """
        // Sites: main and annex (travel both ways, sometimes different), an online one.
        let toAnnex = [0, 15, 40, 90][pick(4)], back = chance(0.3) ? range(0, 60) : toAnnex
        let online = chance(0.6)
        var sites = [
            "{\"id\": \"main\", \"host\": true, \"share\": \(range(1, 3)), \"travel\": {\"annex\": \(toAnnex)}}",
            "{\"id\": \"annex\", \"host\": \(chance(0.5)), \"travel\": {\"main\": \(back)}}",
        ]
        if online { sites.append("{\"id\": \"web\", \"online\": true}") }
        var rooms = [
            "{\"id\": \"hall\", \"features\": [\"hall\"]}", "{\"id\": \"r1\", \"capacity\": 40}",
            "{\"id\": \"r2\", \"capacity\": 40, \"site\": \"annex\"}", "{\"id\": \"r3\", \"site\": \"annex\"}",
        ]
        if online { rooms.append("{\"id\": \"zoom\", \"site\": \"web\"}") }
        // Staff: mentors (some living at the annex) and teachers.
        let M = range(4, 7)
        var staff: [String] = []
        for m in 0..<M {
            var parts = ["\"id\": \"m\(m)\"", "\"role\": \"mentor\""]
            if chance(0.3) { parts.append("\"home\": \(q(chance(0.5) ? "annex" : "main"))") }
            if chance(0.2) { parts.append("\"available\": [\"d0\", \"d1\"]") }
            staff.append("{" + parts.joined(separator: ", ") + "}")
        }
        staff.append("{\"id\": \"t0\", \"role\": \"teacher\"}")
        staff.append("{\"id\": \"t1\", \"role\": \"teacher\", \"home\": \"main\"}")
        // Activities: maths with a mentor per 10 pupils; science and art;
        // a big event and a show kept a week apart (spacing); lessons; a team challenge.
        let activities = [
            "{\"id\": \"maths\", \"staff\": [{\"role\": \"mentor\", \"perPupils\": 10}]}",
            "{\"id\": \"science\", \"maxGroups\": 2, \"rooms\": [\"r2\", \"r3\"\(online ? ", \"zoom\"" : "")]}",
            "{\"id\": \"art\", \"rooms\": [\"r1\", \"r3\"]}",
            "{\"id\": \"event\", \"together\": true, \"roomFeatures\": [\"hall\"]}",
            "{\"id\": \"show\", \"roomFeatures\": [\"hall\"], \"maxGroups\": 4}",
            "{\"id\": \"lesson\"}",
            "{\"id\": \"challenge\", \"staff\": [{\"role\": \"teacher\", \"count\": 1}]}",
        ]
        let spacing = chance(0.7) ? "[{\"activities\": [\"event\", \"show\"], \"minDays\": \(range(1, 6))}]" : "[]"
        // Groups.
        let G = range(2, 5)
        var groups: [String] = []
        var lessons: [String] = []
        let withShow = chance(0.5)
        for g in 0..<G {
            var parts = [
                "\"id\": \"g\(g)\"", "\"size\": \(range(6, 25))", "\"school\": \(q(["North", "South"][pick(2)]))",
            ]
            if chance(0.5) { parts.append("\"home\": \(q(chance(0.5) ? "annex" : "main"))") }
            var items: [String] = []
            switch pick(3) {
            case 0:
                items.append("{\"activity\": \"maths\", \"within\": [\"d0\"]}")
                items.append("{\"activity\": \"maths\", \"within\": [\"d1\", \"d2\"], \"times\": \(range(1, 2))}")
            case 1: items.append("{\"activity\": \"maths\", \"daily\": true, \"within\": [\"09:00-10:30\"]}")
            default: items.append("{\"activity\": \"maths\", \"times\": 2, \"minDays\": 2}")
            }
            if g == 0 && chance(0.5) { parts.append("\"sameStaff\": true") }
            items.append(
                chance(0.5)
                    ? "{\"oneOf\": [\"science\", \"art\"], \"prefer\": [\"art\"], \"within\": [\"d0\", \"d1\"]}"
                    : "{\"oneOf\": [\"science\", \"art\"], \"count\": 2}")
            items.append("{\"activity\": \"event\"}")
            if withShow { items.append("{\"activity\": \"show\"}") }
            if chance(0.5) {
                items.append("{\"activity\": \"lesson\"}")
                let move = chance(0.5) ? "room" : "any"
                lessons.append(
                    "{\"activity\": \"lesson\", \"day\": \(q(days[pick(3)])), \"start\": \"p\(pick(4))\", \"room\": \"r1\", \"groups\": [\"g\(g)\"], \"staff\": [\"t0\"], \"move\": \(q(move))}"
                )
            }
            parts.append("\"attend\": \(list(items))")
            groups.append("{" + parts.joined(separator: ", ") + "}")
        }
        // Pools for one formation of teams.
        let sizeA = range(3, 6), sizeB = range(3, 6)
        groups.append(
            "{\"id\": \"pa\", \"school\": \"North\", \"year\": 6, \"size\": \(sizeA), \"pool\": true, \"pupils\": \(list((0..<sizeA).map { q("Pupil A\($0)") }))}"
        )
        groups.append("{\"id\": \"pb\", \"school\": \"South\", \"year\": 5, \"size\": \(sizeB), \"pool\": true}")
        let teams =
            "[{\"id\": \"team\", \"pools\": [\"pa\", \"pb\"], \"size\": [2, 4], \"minSchools\": 2, \"require\": [{\"pools\": [\"pa\"]}], \"visit\": [\"d1\", \"d2\"], \"attend\": [{\"activity\": \"challenge\"}]}]"
        // Different lessons may not share a place: keep one per (day, start).
        var seen = Set<String>()
        lessons = lessons.filter { l in
            let key = String(l.split(separator: ",").prefix(3).joined())
            return seen.insert(key).inserted
        }
        let weights =
            "{\"travel\": \(chance(0.5) ? 1 : 0), \"continuity\": \(range(0, 3)), \"hostBalance\": \(range(0, 2)), \"displaced\": \(range(0, 4)), \"roomStability\": \(pick(2)), \"isolated\": \(pick(2))}"
        json = """
            {"format": "carousel/2", "name": "random v2 \(seed)",
             "calendar": \(calendar),
             "sites": \(list(sites)),
             "rooms": \(list(rooms)),
             "staff": \(list(staff)),
             "activities": \(list(activities)),
             "groups": \(list(groups)),
             "teams": \(teams),
             "fixed": \(list(lessons)),
             "spacing": \(spacing),
             "continuityRoles": ["mentor"],
             "weights": \(weights)}
            """
    }

    func problem() throws -> Problem {
        try ProblemDecoder.decode(bytes: Array(json.utf8), file: "random-v2-\(seed).json")
    }
}

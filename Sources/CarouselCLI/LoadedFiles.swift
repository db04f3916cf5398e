import CarouselCommandLine
import CarouselIO
import CarouselModel
import CarouselSolver

/// A problem file loaded and compiled, with its JSON (for scenarios and
/// for locating errors found later).
struct LoadedProblem {
    var path: String
    var tree: JSONValue
    var problem: Problem
    var instance: CompiledInstance

    /// How messages name the file (`<stdin>` for `-`).
    var file: String { StandardInput.name(of: path) }

    /// The index of the day with id `id`, given with `--option`.
    func day(_ id: String, option: String) throws(UsageError) -> Int {
        let ids = problem.calendar.days.map(\.id)
        guard let d = ids.firstIndex(of: id) else {
            throw UsageError(
                "--\(option): unknown day \"\(id)\"; the days are \(ListText.joined(ids))\(didYouMean(id, among: ids))")
        }
        return d
    }

    /// A moment `"tue 09:40"` (a day id or name, then HH:MM), given with `--option`.
    func moment(_ text: String, option: String) throws(UsageError) -> (day: Int, minute: Int) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let minute = TimeRange.parseClock(String(parts[1])) else {
            throw UsageError("--\(option): expected a day and a time such as \"tue 09:40\", got \"\(text)\"")
        }
        let word = String(parts[0])
        if let d = problem.calendar.days.firstIndex(where: { $0.name?.lowercased() == word.lowercased() }) {
            return (d, minute)
        }
        return (try day(word, option: option), minute)
    }
}

/// A schedule file read against its problem and laid out for people (for
/// `export` and `show`). Sessions that name unknown ids are left out, with a
/// warning on stderr; a schedule made for another problem is refused.
struct LoadedTimetable {
    var problem: LoadedProblem
    var file: ScheduleFile.Loaded
    var path: String
    var view: TimetableView

    init(schedule path: String, problem problemPath: String, context: CommandContext) throws {
        problem = try context.loadProblem(problemPath)
        file = try context.loadSchedule(path, for: problem)
        self.path = path
        view = TimetableView(instance: file.instance, schedule: file.schedule)
        if let first = file.formatViolations.first {
            let n = file.formatViolations.count
            context.console.error(
                "warning: \(StandardInput.name(of: path)): \(n) entr\(n == 1 ? "y does" : "ies do") not match the problem and \(n == 1 ? "is" : "are") left out, e.g. \(first.message)"
            )
        }
    }

    /// When the timetable was made and from what, for the printed copies.
    func provenance(environment: [String: String]) -> Provenance {
        Provenance(
            stamp: Provenance.stamp(environment: environment), version: CarouselTool.version,
            problem: Provenance.fingerprint(of: problem.problem),
            schedule: Provenance.fingerprint(of: file.schedule, instance: problem.instance))
    }
}

extension CommandContext {
    /// `problem` with the changes of the scenario at `path` applied
    /// (`repair --change`); its tree stays the base file's, for locating
    /// errors in it.
    func applying(scenario path: String, to problem: LoadedProblem) throws(InputError) -> LoadedProblem {
        input(path, role: "a scenario file")
        let changed = try Scenario.read(contentsOf: path).apply(to: problem.tree, baseFile: problem.file)
        try requireSize(changed, file: path)
        return LoadedProblem(
            path: problem.path, tree: problem.tree, problem: changed,
            instance: CompiledInstance(changed.withFormedTeams()))
    }
}

extension LocalSearch {
    /// The best schedule the search has seen, and when to pay for a copy of
    /// it (Timefold's best solution recaller).
    ///
    /// A copy is a full `PartialSchedule`, so copies are rationed while the
    /// search is hot and new bests come every few moves: a new best is only
    /// noted (`unsaved`), and when the search is about to leave it by a
    /// worsening move it is copied if it is on a better level than the last
    /// copy, 5,000 moves have passed since that copy, or 30% of the budget is
    /// spent; otherwise it is forgotten (the search will come back below it).
    struct BestSchedule {
        /// The last copy.
        private(set) var schedule: PartialSchedule
        /// The best level and soft score seen (the copy's, unless `unsaved`).
        private(set) var level: Level
        private(set) var soft: Double
        /// A better schedule than the copy was seen and not copied.
        private(set) var unsaved = false
        private var savedLevel: Level
        private var savedSoft: Double
        private var lastSave = 0
        /// A proven lower bound on the soft score (`SoftLowerBound`; 0 when
        /// none is known).
        let floor: Double

        init(_ schedule: PartialSchedule, level: Level, soft: Double, floor: Double = 0) {
            self.schedule = schedule
            self.level = level
            self.soft = soft
            self.floor = floor
            savedLevel = level
            savedSoft = soft
        }

        /// Nothing left to improve: every unit placed, nothing changed from
        /// the reference, the soft score at its floor (optimal: proven by
        /// the bound).
        var isPerfect: Bool { !(soft > floor + 1e-9 || level.unplaced > 0 || level.change > 0) }

        /// Whether (level, soft) is better than the best seen.
        @inline(__always)
        func isBeaten(by level: Level, _ soft: Double) -> Bool {
            level < self.level || (level == self.level && soft < self.soft - 1e-9)
        }

        /// Whether (level, soft) is at least as good as the best seen.
        @inline(__always)
        func isMatched(by level: Level, _ soft: Double) -> Bool {
            level < self.level || (level == self.level && soft <= self.soft + 1e-9)
        }

        /// Notes a new best without copying it.
        mutating func note(_ level: Level, _ soft: Double) {
            self.level = level
            self.soft = soft
            unsaved = true
        }

        /// Whether an unsaved best the search is about to leave is worth a
        /// copy now, at move `moves` with `fraction` of the budget spent and
        /// the search on `level`.
        func wantsCopy(atMove moves: Int, fraction: Double, level: Level) -> Bool {
            fraction > 0.3 || moves - lastSave >= 5_000 || level < savedLevel
        }

        /// The best schedule to offer other searches, copying and forgetting
        /// nothing: the current `state` when it is the unsaved best (an
        /// unsaved best is the current schedule while it lasts), else the
        /// last copy.
        func offer(current state: PartialSchedule, level: Level, soft: Double) -> (
            state: PartialSchedule, level: Level, soft: Double
        ) {
            if unsaved && isMatched(by: level, soft) { return (state, level, soft) }
            return (schedule, savedLevel, savedSoft)
        }

        /// Copies `state` as the best, at move `moves`.
        mutating func save(_ state: PartialSchedule, level: Level, soft: Double, atMove moves: Int) {
            schedule = state
            self.level = level
            self.soft = soft
            savedLevel = level
            savedSoft = soft
            lastSave = moves
            unsaved = false
        }

        /// Forgets an unsaved best: the best is the last copy again.
        mutating func forgetUnsaved() {
            level = savedLevel
            soft = savedSoft
            unsaved = false
        }

        /// At the end of the search: copies `state` if it is the unsaved best
        /// or no worse than the best.
        mutating func finish(_ state: PartialSchedule, level: Level, soft: Double) {
            guard unsaved || isMatched(by: level, soft) else { return }
            schedule = state
            self.level = level
            self.soft = soft
        }
    }
}

import CarouselModel
import Testing

@testable import CarouselSolver

/// `PartialSchedule.relocate` moves sessions whole, keeping their staff on
/// the same day when they are free and refilling the rows otherwise. A
/// relocation either keeps every hard rule and is taken back exactly by
/// `undoRelocate`, or is refused with nothing changed — even when it fails
/// after some sessions were placed and staffed.
@Suite struct RelocationTests {
    /// Everything a relocation may touch, to compare before and after.
    static func snapshot(_ p: PartialSchedule) -> [[Int32]] {
        [
            p.sessionSlot, p.sessionRoom, p.groupCells, p.roomAt, p.staffAt, p.staffDay, p.staffTotal, p.activityDay,
            p.activityTotal,
            p.activityRoomSessions, p.activityRoomsUsed,
        ] + p.sessionStaff
    }

    @Test(arguments: ["stem-week", "summer-school", "conference"])
    func relocationsKeepTheRulesOrChangeNothing(example: String) throws {
        let I = try IncrementalScoreTests.instance(example)
        let built = Construction.run(I, seed: 4, termination: Termination(timeLimit: 600))
        try #require(built.isComplete)
        var state = built.state
        let evaluator = Evaluator(I)
        var random = SeededRandom(seed: 9)
        var made = 0, refused = 0, sameDay = 0
        let live = state.sessionAlive.indices.filter { state.sessionAlive[$0] && !state.sessionLocked[$0] }
        for step in 0..<3_000 {
            // One session to a random start and room, or two trading places.
            var moves: [(session: Int, slot: Int, room: Int)] = []
            let s = live[random.below(live.count)]
            let a = Int(state.sessionActivity[s]), rooms = I.activityRooms[a]
            guard !rooms.isEmpty else { continue }
            if step % 2 == 0 {
                let d = random.below(3) == 0 ? random.below(I.dayCount) : state.day(ofSession: s)
                moves.append(
                    (s, d * I.periodCount + random.below(I.periodCount), Int(rooms[random.below(rooms.count)])))
            } else {
                let x = live[random.below(live.count)]
                guard x != s, I.duration[a] == I.duration[Int(state.sessionActivity[x])] else { continue }
                moves.append((s, Int(state.sessionSlot[x]), Int(state.sessionRoom[x])))
                moves.append((x, Int(state.sessionSlot[s]), Int(state.sessionRoom[s])))
            }
            let before = Self.snapshot(state)
            let back = moves.map {
                (
                    session: $0.session, slot: Int(state.sessionSlot[$0.session]),
                    room: Int(state.sessionRoom[$0.session])
                )
            }
            let staffBefore = moves.map { state.sessionStaff[$0.session] }
            let moved = state.relocate(moves)
            guard moved else {
                refused += 1
                #expect(
                    Self.snapshot(state) == before,
                    "\(example): a refused relocation changed the schedule (step \(step))")
                continue
            }
            made += 1
            if moves.allSatisfy({ $0.slot / I.periodCount == back[0].slot / I.periodCount }) { sameDay += 1 }
            let violations = evaluator.evaluate(state.schedule).violations
            #expect(violations.isEmpty, "\(example): a relocation broke a rule: \(violations.prefix(2))")
            let undone = state.undoRelocate(back, staff: staffBefore)
            #expect(undone)
            #expect(
                Self.snapshot(state) == before,
                "\(example): undoing a relocation did not restore the schedule (step \(step))")
        }
        #expect(made >= 20 && refused >= 20 && sameDay > 0, "\(example): \(made) relocations made, \(refused) refused")
    }

    @Test func touchedSetListsEachIndexOnceAndEmptiesInConstantTime() {
        var set = TouchedSet(capacity: 4)
        for i in [3, 1, 3, 7, 1] { set.insert(i) }  // 7 is beyond the capacity: the set grows
        #expect(Array(set) == [3, 1, 7])
        set.removeAll()
        #expect(set.isEmpty)
        set.insert(1)
        #expect(Array(set) == [1])
        // Near the stamp's wrap-around, old marks must not count.
        var wrapping = TouchedSet(capacity: 4, stamp: .max)
        wrapping.insert(2)
        wrapping.removeAll()
        #expect(wrapping.isEmpty)
        wrapping.insert(2)
        wrapping.insert(2)
        #expect(Array(wrapping) == [2])
    }
}

extension CompiledInstance {
    /// Whether room r holds `pupils` pupils: always when `overCapacity`
    /// makes room size soft, else up to its capacity.
    @inline(__always)
    func roomHolds(_ pupils: Int32, room r: Int) -> Bool {
        weights.overCapacity != nil || pupils <= roomCapacity[r]
    }

    /// Whether a session of activity a in room r may hold `pupils` pupils:
    /// the activity's `capacity`, and the room's (`roomHolds`).
    @inline(__always)
    func seats(_ pupils: Int32, activity a: Int, room r: Int) -> Bool {
        pupils <= activityCapacity[a] && roomHolds(pupils, room: r)
    }

    /// Whether room r has every feature each group of `unit` needs.
    @inline(__always)
    func roomMeetsNeeds(of unit: Unit, room r: Int) -> Bool {
        unit.groups.allSatisfy { groupNeedsMet.contains(Int($0), r) }
    }
}

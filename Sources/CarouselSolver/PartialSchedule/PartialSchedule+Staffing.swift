/// Who staffs a session: whether a staff member may serve, filling the
/// rows by matching, and replacing one member.
extension PartialSchedule {
    /// Whether session s's rows need as many staff for its pupils now as
    /// for `pupils` (then the staff it has still fill them exactly).
    @inline(__always)
    func staffNeedUnchanged(_ s: Int, from pupils: Int32) -> Bool {
        let now = sessionPupils[s]
        for row in instance.rowRange(Int(sessionActivity[s]))
        where instance.rows[row].needed(pupils: now) != instance.rows[row].needed(pupils: pupils) {
            return false
        }
        return true
    }

    /// Replaces staff member `old` in session s by `new`, who must be usable
    /// and match every row `old` could fill, unless the session's fixed
    /// entry names `old`. False, with no change, otherwise.
    mutating func replaceStaff(in s: Int, _ old: Int32, with new: Int32) -> Bool {
        // A fixed session's named staff stay (its own, or a moving one's).
        guard let i = sessionStaff[s].firstIndex(of: old), !sessionStaff[s].contains(new),
            !sessionRequiredStaff[s].contains(old), staffMayServe(Int(new), session: s)
        else { return false }
        for row in instance.rowRange(Int(sessionActivity[s])) where instance.rowMember.contains(row, Int(old)) {
            if !instance.rowMember.contains(row, Int(new)) { return false }
        }
        substituteStaff(in: s, at: i, with: new)
        return true
    }

    /// Undoes `replaceStaff(in: s, old, with: new)` exactly: `old` takes
    /// its place back without the checks (it held it a moment ago; `new`
    /// may sit in rows `old` does not, so the forward check would refuse).
    mutating func undoReplaceStaff(in s: Int, _ old: Int32, with new: Int32) {
        guard let i = sessionStaff[s].firstIndex(of: new) else {
            preconditionFailure("staff \(new) is not in session \(s)")
        }
        substituteStaff(in: s, at: i, with: old)
    }

    /// Fills session s's rows afresh (as `fillStaff` does, the staff it has
    /// and its groups know first); false when a row stays empty.
    @discardableResult
    mutating func refill(_ s: Int) -> Bool { fillStaff(s) }

    /// The live sessions staff member st serves on day d.
    func sessions(ofStaff st: Int, day d: Int) -> [Int] {
        let P = instance.periodCount, base = st * instance.slotCount + d * P
        var out: [Int] = []
        for p in 0..<P where staffAt[base + p] >= 0 && !out.contains(Int(staffAt[base + p])) {
            out.append(Int(staffAt[base + p]))
        }
        return out
    }

    /// Whether staff member st may leave session s: not a fixed entry's
    /// named staff, and the others still fill every row for its pupils.
    /// Matches with the kept `filler` scratch: no allocation once it has grown.
    mutating func mayWithdraw(_ st: Int32, from s: Int) -> Bool {
        guard sessionStaff[s].contains(st), !sessionRequiredStaff[s].contains(st) else { return false }
        let rows = instance.rowRange(Int(sessionActivity[s]))
        guard !rows.isEmpty else { return true }
        var matcher = filler.take() ?? RowFiller()
        defer { filler = matcher }
        let pupils = sessionPupils[s]
        matcher.reset(rows: rows, need: { instance.rows[$0].needed(pupils: pupils) }, preferring: [], then: [])
        // Only the session's other staff may fill its rows.
        let W = staffBusy.stride
        if matcher.free.count != W { matcher.free = [UInt64](repeating: 0, count: W) }
        for w in 0..<W { matcher.free[w] = 0 }
        for other in sessionStaff[s] where other != st { matcher.free[Int(other) >> 6] |= 1 << UInt64(other & 63) }
        let staff = sessionStaff[s]
        return matcher.fill(candidates: { _ in staff }, member: instance.rowMember)
    }

    /// Copies session s's staff into `movedStaff[i]` (kept storage).
    mutating func saveStaff(of s: Int, as i: Int) {
        while movedStaff.count <= i { movedStaff.append([]) }
        movedStaff[i].clearKeepingCapacity()
        movedStaff[i].append(contentsOf: sessionStaff[s])
    }

    /// Adds `staff` to session s when every one of them may serve in it
    /// (`staffMayServe`); false, with nothing added, otherwise.
    mutating func giveStaff(_ staff: [Int32], to s: Int) -> Bool {
        guard staff.allSatisfy({ staffMayServe(Int($0), session: s) }) else { return false }
        for st in staff { addStaff(Int(st), to: s) }
        return true
    }

    /// The staff who may serve in session s as `staffMayServe` says, as a
    /// staff set written into `words` (s itself must hold no staff).
    func staffWhoMayServe(_ s: Int, into words: inout [UInt64]) {
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])]), d = t / instance.periodCount
        let W = staffBusy.stride
        if words.count != W { words = [UInt64](repeating: 0, count: W) }
        for w in 0..<W {
            var x = ~(staffDayFull.words[d * W + w] | staffAllFull.words[w])
            for q in t..<(t + k) { x &= instance.staffAvailableAt.words[q * W + w] & ~staffBusy.words[q * W + w] }
            words[w] = x
        }
        for st in instance.runLimitedStaff where words[Int(st) >> 6] & (1 << UInt64(st & 63)) != 0 {
            if !staffRunAllows(Int(st), session: s) { words[Int(st) >> 6] &= ~(1 << UInt64(st & 63)) }
        }
        guard instance.sites.hasTravel else { return }
        // Rule 9: drop those whose sessions just before or after are too far away.
        for w in 0..<W {
            var x = words[w]
            while x != 0 {
                let bit = x.trailingZeroBitCount
                x &= x - 1
                let st = w * 64 + bit
                if st < instance.staffCount && !staffTravelAllows(st, session: s) { words[w] &= ~(1 << UInt64(bit)) }
            }
        }
    }

    /// Whether staff member st is available over session s's periods, busy
    /// with no other session then, and within `maxConsecutive` with it
    /// (the limits per day and in all aside).
    @inline(__always)
    func staffCanAttend(_ st: Int, session s: Int) -> Bool {
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])]), T = instance.slotCount
        guard instance.staffAvailable.containsAll(st, from: t, count: k) else { return false }
        for q in t..<(t + k) where staffAt[st * T + q] != -1 && staffAt[st * T + q] != Int32(s) { return false }
        return staffRunAllows(st, session: s) && staffTravelAllows(st, session: s)
    }

    /// Whether staff member st may be in session s as far as their
    /// `maxConsecutive` goes: the periods in a row they would then be in
    /// sessions — s's, and the busy ones next to them that day — are
    /// within the limit. (A break or a free period ends a run: no session
    /// covers a break.)
    @inline(__always)
    func staffRunAllows(_ st: Int, session s: Int) -> Bool {
        let limit = instance.staffMaxConsecutive[st]
        guard limit != CompiledInstance.unlimited else { return true }
        let t = Int(sessionSlot[s]), k = Int(instance.duration[Int(sessionActivity[s])])
        let T = instance.slotCount, P = instance.periodCount, first = t - t % P
        func busy(_ q: Int) -> Bool { staffAt[st * T + q] >= 0 && staffAt[st * T + q] != Int32(s) }
        var run = k
        var q = t - 1
        while q >= first && busy(q) {
            run += 1
            q -= 1
        }
        q = t + k
        while q < first + P && busy(q) {
            run += 1
            q += 1
        }
        return run <= Int(limit)
    }

    /// Whether staff member st may serve in session s (available, free of
    /// other sessions, within maxPerDay and max).
    @inline(__always)
    func staffMayServe(_ st: Int, session s: Int) -> Bool {
        staffCanAttend(st, session: s)
            && staffDay[st * instance.dayCount + day(ofSession: s)] < instance.staffMaxPerDay[st]
            && staffTotal[st] < instance.staffMax[st]
    }

    /// Re-chooses the staff of session s for its current pupils: a maximum
    /// matching of usable staff to rows (augmenting paths), preferring staff
    /// already there, then the least versatile, then the least loaded today.
    /// Restores the previous staff and returns false when a row cannot be filled.
    ///
    /// Without `favouredFirst`, the matching skips its first attempt (only
    /// the staff already there and `preferred`), which the caller knows fails.
    @discardableResult
    mutating func fillStaff(
        _ s: Int, required explicitRequired: [Int32] = [], preferred: [Int32] = [],
        favouredFirst: Bool = true
    ) -> Bool {
        // The scratch is moved out while in use (the matching's closures read
        // self) and moved back after: not copied, which would retain each of
        // its buffers.
        var matcher = filler.take() ?? RowFiller()
        var favoured = self.favoured.take() ?? []
        let filled = fillStaff(
            s, required: explicitRequired.isEmpty ? sessionRequiredStaff[s] : explicitRequired,
            preferred: preferred, favouredFirst: favouredFirst, matcher: &matcher, favoured: &favoured)
        filler = matcher
        self.favoured = favoured
        return filled
    }

    /// `fillStaff` with its scratch: `favoured` gets the staff session s has
    /// (the first `oldCount`), then `preferred`.
    private mutating func fillStaff(
        _ s: Int, required: [Int32], preferred: [Int32], favouredFirst: Bool,
        matcher: inout RowFiller, favoured: inout [Int32]
    ) -> Bool {
        let rows = instance.rowRange(Int(sessionActivity[s]))
        favoured.clearKeepingCapacity()
        for i in sessionStaff[s].indices { favoured.append(sessionStaff[s][i]) }
        let oldCount = favoured.count
        for st in preferred where !favoured.prefix(oldCount).contains(st) { favoured.append(st) }
        if instance.wantsContinuity {
            // The staff its groups already know, so that they see the same people.
            for i in sessionGroups[s].indices {
                continuityStaff(ofGroup: Int(sessionGroups[s][i]), besides: s, into: &favoured)
            }
        }
        releaseStaff(s)
        if rows.isEmpty {
            for st in required where staffMayServe(Int(st), session: s) { addStaff(Int(st), to: s) }
            return required.allSatisfy { sessionStaff[s].contains($0) }
        }
        let pupils = sessionPupils[s]
        // Fast path: the staff it had (or was meant to have) still fill every row.
        if favouredFirst && required.isEmpty && !favoured.isEmpty {
            matcher.reset(
                rows: rows, need: { instance.rows[$0].needed(pupils: pupils) }, preferring: favoured, then: [])
            staffWhoMayServe(s, into: &matcher.free)
            if matcher.fill(candidates: { _ in favoured }, member: instance.rowMember) {
                for st in matcher.chosen { addStaff(Int(st), to: s) }
                return true
            }
        }
        let d = day(ofSession: s)
        func match(narrowing level: Int) -> Bool {
            matcher.reset(
                rows: rows, need: { instance.rows[$0].needed(pupils: pupils) }, preferring: required, then: favoured)
            staffWhoMayServe(s, into: &matcher.free)
            if level > 0 { narrowForSameStaff(s, level: level, free: &matcher.free) }
            return matcher.fill(
                candidates: { k in rowOrder[rows.lowerBound + k] }, member: instance.rowMember, order: staffPriority,
                rank: StaffRanks(staffDay, stride: instance.dayCount, offset: d))
        }
        // With `sameStaff` groups, first leave them the people they need all
        // term, then only those they already have, then fill as for any session.
        let ok =
            sameStaffPools.groups.isEmpty
            ? match(narrowing: 0) : match(narrowing: 2) || match(narrowing: 1) || match(narrowing: 0)
        let requiredOK =
            ok && required.allSatisfy { st in matcher.chosen.contains(st) || staffMayServe(Int(st), session: s) }
        guard requiredOK else {
            for st in favoured.prefix(oldCount) { addStaff(Int(st), to: s) }
            return false
        }
        for st in matcher.chosen { addStaff(Int(st), to: s) }
        for st in required where !matcher.chosen.contains(st) { addStaff(Int(st), to: s) }
        return true
    }
}

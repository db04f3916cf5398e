extension Array where Element: BitwiseCopyable {
    /// Empties the array and keeps its storage, like
    /// `removeAll(keepingCapacity: true)`, for the scratch lists the search
    /// empties on every move.
    ///
    /// `removeAll(keepingCapacity:)` goes through generic range replacement
    /// (a `memmove` call included), which cost more than the rest of
    /// emptying a list of a few elements: under callgrind, 5% of the
    /// search's instructions. Removing the last element is a count
    /// decrement, so short lists are emptied that way.
    @inline(__always)
    mutating func clearKeepingCapacity() {
        if count > 16 {
            removeAll(keepingCapacity: true)
        } else {
            while !isEmpty { removeLast() }
        }
    }

    /// Removes the first element equal to `x`, if there is one, keeping the
    /// order of the rest: for a session's short lists, shifting the few
    /// elements after it costs less than `remove(at:)`'s `memmove` call.
    @inline(__always)
    mutating func removeFirstOccurrence(of x: Element) where Element: Equatable {
        guard var i = firstIndex(of: x) else { return }
        while i + 1 < count {
            self[i] = self[i + 1]
            i += 1
        }
        removeLast()
    }
}

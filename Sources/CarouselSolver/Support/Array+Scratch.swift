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
}

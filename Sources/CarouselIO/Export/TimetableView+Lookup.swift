import CarouselModel

extension TimetableView {
    /// A name that matches no entity, or several.
    public struct LookupError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The entity a person named: by id or name, ignoring case, accents and
    /// typography (`St Mary's` finds `St Mary’s`);
    /// else the one whose id or name contains the text (`--school "st mary"`). O(E) for E
    /// entities of the dimension.
    ///
    /// Throws `LookupError` with a "did you mean" when nothing matches, or the
    /// candidates when several do.
    public func entity(_ dimension: Dimension, named text: String) throws(LookupError) -> Entity {
        let all = entities(dimension)
        let wanted = Self.folded(text)
        let kind = dimension.rawValue
        if let exact = all.first(where: { $0.key == text })
            ?? all.first(where: {
                Self.folded($0.key) == wanted || Self.folded($0.title) == wanted
            })
        {
            return exact
        }
        let partial =
            wanted.isEmpty
            ? [] : all.filter { Self.folded($0.key).contains(wanted) || Self.folded($0.title).contains(wanted) }
        if partial.count == 1 { return partial[0] }
        if partial.count > 1 {
            let names = partial.prefix(5).map { "\"\($0.key)\"" }.joined(separator: ", ")
            throw LookupError(
                description:
                    "\"\(text)\" matches \(partial.count) \(kind == "staff" ? "staff" : kind + "s"): \(names)\(partial.count > 5 ? ", …" : ""); give more of the name"
            )
        }
        // Suggest among the names as typed (folded), then show the name as written.
        let names = all.map(\.key) + all.map(\.title)
        let foldedNames = names.map(Self.folded)
        let hint =
            Suggestion.closest(to: wanted, among: foldedNames).flatMap { foldedNames.firstIndex(of: $0) }
            .map { " (did you mean \"\(names[$0])\"?)" } ?? ""
        throw LookupError(description: "unknown \(kind) \"\(text)\"\(hint)")
    }
}

/// The ranks that break ties among free staff when rows are filled (lower
/// first, never below 0): staff member st's is `values[st * stride +
/// offset]`, and everyone's is 0 when `values` is empty. (A table, not a
/// closure: the matching asks for a rank per free member, in its innermost
/// loop.)
struct StaffRanks {
    private var values: [Int32] = []
    private var stride = 1
    private var offset = 0

    /// Everyone ranks 0.
    init() {}

    init(_ values: [Int32], stride: Int = 1, offset: Int = 0) {
        self.values = values
        self.stride = stride
        self.offset = offset
    }

    @inline(__always)
    func callAsFunction(_ st: Int32) -> Int { values.isEmpty ? 0 : Int(values[Int(st) * stride + offset]) }
}

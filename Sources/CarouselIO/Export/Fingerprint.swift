/// Short, stable fingerprints of text: 64-bit FNV-1a of the UTF-8 bytes,
/// the same across runs and platforms (unlike `Hasher`). Not a security
/// hash: it tells versions apart, it does not resist forgery.
enum Fingerprint {
    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            h ^= UInt64(b)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }

    /// `x` as `digits` lowercase hex digits (the high ones).
    static func hex(_ x: UInt64, digits: Int = 16) -> String {
        let s = String(x, radix: 16)
        return String((String(repeating: "0", count: 16 - s.count) + s).prefix(digits))
    }
}

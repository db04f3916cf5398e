/// One VEVENT as Carousel writes it: its UID and its other properties in
/// order, values as written (escaped TEXT). Read back from a previous export
/// (`ICalendarEvent.events(in:)`) to carry SEQUENCE and LAST-MODIFIED over
/// and to cancel what is gone.
public struct ICalendarEvent: Sendable {
    public var uid: String
    /// Properties other than UID, in order: `(DTSTART, 20260309T091500)`.
    public var properties: [(name: String, value: String)]

    public init(uid: String, properties: [(name: String, value: String)]) {
        self.uid = uid
        self.properties = properties
    }

    /// The value of the first property `name`, if any.
    public subscript(name: String) -> String? { properties.first { $0.name == name }?.value }

    /// SEQUENCE, 0 when absent.
    public var sequence: Int { self["SEQUENCE"].flatMap { Int($0) } ?? 0 }

    public var lastModified: String? { self["LAST-MODIFIED"] }

    /// Every VEVENT of an iCalendar text (RFC 5545: lines unfolded,
    /// parameters ignored), skipping events without a UID.
    public static func events(in text: String) -> [ICalendarEvent] {
        var logical: [String] = []
        for raw in text.split(
            omittingEmptySubsequences: true, whereSeparator: { $0 == "\r\n" || $0 == "\n" || $0 == "\r" })
        {
            if let first = raw.first, first == " " || first == "\t", !logical.isEmpty {
                logical[logical.count - 1] += raw.dropFirst()
            } else {
                logical.append(String(raw))
            }
        }
        var events: [ICalendarEvent] = []
        var current: ICalendarEvent?
        for line in logical {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = String(line[..<colon].split(separator: ";").first ?? "").uppercased()
            let value = String(line[line.index(after: colon)...])
            switch (name, value) {
            case ("BEGIN", "VEVENT"): current = ICalendarEvent(uid: "", properties: [])
            case ("END", "VEVENT"):
                if let e = current, !e.uid.isEmpty { events.append(e) }
                current = nil
            case ("UID", _): current?.uid = value
            default: current?.properties.append((name, value))
            }
        }
        return events
    }
}

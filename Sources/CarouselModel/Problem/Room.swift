/// A room, hall, lab or outdoor space (spec section 2).
public struct Room: Sendable {
    public var id: String
    public var name: String?
    /// Most pupils at once (staff not counted); nil means no limit.
    public var capacity: Int?
    public var features: Set<String>
    /// Defaults to `"main"`.
    public var site: String
    /// Blocks every period that overlaps any of these.
    public var unavailable: [TimeRange]
    /// Where people join a session held here (a Carousel addition): the
    /// meeting address of an online room (spec section 15) or a hybrid
    /// room's stream, shown with the room in every export. Nil: none.
    public var url: String?

    public init(
        id: String, name: String? = nil, capacity: Int? = nil, features: Set<String> = [],
        site: String = "main", unavailable: [TimeRange] = [], url: String? = nil
    ) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.features = features
        self.site = site
        self.unavailable = unavailable
        self.url = url
    }
}

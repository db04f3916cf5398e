import CarouselModel

/// Keeps a command from destroying what it was given: every input is
/// recorded by its file identity, and a write is refused when its target
/// is one of them (however the path is spelt: `./p.json`, a link, a hard
/// link) or an existing Carousel file of another kind than the output.
///
/// `carousel solve p.json -o p.json` would otherwise replace the problem
/// with its schedule; `import csv DIR -o DIR/classes.csv` a sheet with the
/// problem; `schema -o p.json` a problem with the schema.
public struct OutputGuard: Sendable {
    struct Input: Sendable {
        var identity: FileIdentity
        var path: String
        var role: String
    }

    private var inputs: [Input] = []

    public init() {}

    /// Records `path` as an input (`role`: "the problem file"). `-`, standard
    /// input, counts when it was redirected from a file.
    public mutating func addInput(_ path: String, role: String) {
        let identity = path == "-" ? FileIdentity(descriptor: 0) : FileIdentity(path: path)
        if let identity { inputs.append(Input(identity: identity, path: path, role: role)) }
    }

    /// Throws when writing `output` (what it will hold: "the schedule") to
    /// `path` would replace an input, or an existing Carousel file of
    /// another kind than `kind`.
    public func check(_ path: String, output: String, kind: CarouselFileKind?) throws(InputError) {
        guard path != "-", let identity = FileIdentity(path: path) else { return }
        if let input = inputs.first(where: { $0.identity == identity }) {
            let same = input.path == path ? "" : " (the same file as \(input.path))"
            throw InputError(
                file: path, location: nil, path: "",
                message:
                    "refusing to write \(output) here: it is \(input.role) this command reads\(same), which would be lost; choose another output"
            )
        }
        if let existing = CarouselFileKind.of(fileAt: path), existing != kind {
            throw InputError(
                file: path, location: nil, path: "",
                message:
                    "refusing to write \(output) here: the file is a Carousel \(existing.rawValue), which would be lost; choose another output or remove the file first"
            )
        }
    }
}

import CarouselModel
import Foundation

/// The kinds of file Carousel reads and writes, recognised by their
/// content, so that an output never replaces a file of another kind (a
/// schema written over a problem would lose the problem).
public enum CarouselFileKind: String, Sendable {
    case problem = "problem file"
    case schedule = "schedule file"
    case scenario = "scenario file"
    case schema = "JSON Schema"

    /// The kind of the file at `path` by its content: a JSON object with
    /// `calendar` is a problem, with `sessions` a schedule, with `changes`
    /// a scenario, with `$schema` a schema. nil for anything else (a
    /// missing file, CSV, HTML, JSON of another kind).
    public static func of(fileAt path: String) -> CarouselFileKind? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
            status.st_size <= Int64(ProblemDecoder.maxFileSize),
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        let bytes = [UInt8](data)
        guard
            bytes.drop(while: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 || $0 >= 0x80 }).first
                == UInt8(ascii: "{"),
            let object = (try? JSONParser.parse(bytes))?.object
        else { return nil }
        if object["calendar"] != nil { return .problem }
        if object["sessions"] != nil { return .schedule }
        if object["changes"] != nil { return .scenario }
        if object["$schema"] != nil { return .schema }
        return nil
    }
}

import CarouselModel
import CarouselSolver
import Foundation

/// When and from what a timetable for people was made: the time, Carousel's
/// version and short fingerprints of the problem and the schedule, printed
/// on the HTML report, CSV and text exports, so that a letter printed before
/// a repair can be told from one printed after.
///
/// The fingerprints are of the content, not the files: the problem as
/// Carousel reads it (comments and layout do not count) and the sessions of
/// the schedule (their order does not count). The time is now, or
/// `SOURCE_DATE_EPOCH` when set (reproducible builds' convention), as for
/// iCalendar's DTSTAMP.
public struct Provenance: Sendable, Equatable {
    /// Seconds since 1970 (UTC).
    public var stamp: Int
    public var version: String
    /// 8 hex digits each.
    public var problem: String
    public var schedule: String

    public init(stamp: Int, version: String, problem: String, schedule: String) {
        self.stamp = stamp
        self.version = version
        self.problem = problem
        self.schedule = schedule
    }

    /// `Made by Carousel 0.1.0 on 2026-03-09 18:59 UTC from problem
    /// 1a2b3c4d and schedule 5e6f7a8b`.
    public var text: String {
        "Made by Carousel \(version) on \(Self.utcText(stamp)) from problem \(problem) and schedule \(schedule)"
    }

    /// `SOURCE_DATE_EPOCH` from `environment` when it is a number, else now.
    public static func stamp(environment: [String: String]) -> Int {
        if let text = environment["SOURCE_DATE_EPOCH"], let seconds = Int(text) { return seconds }
        return Int(Date().timeIntervalSince1970)
    }

    public static func fingerprint(of problem: Problem) -> String {
        Fingerprint.hex(Fingerprint.fnv1a(ProblemFile.render(problem)), digits: 8)
    }

    public static func fingerprint(of schedule: Schedule, instance: CompiledInstance) -> String {
        Fingerprint.hex(
            Fingerprint.fnv1a(ScheduleFile.sessionsJSON(schedule, instance: instance).rendered()), digits: 8)
    }

    /// `2026-03-09 18:59 UTC`.
    static func utcText(_ seconds: Int) -> String {
        let (date, rest) = CivilDate.utc(seconds)
        return "\(date.isoText) \(pad(rest / 3600, 2)):\(pad(rest % 3600 / 60, 2)) UTC"
    }
}

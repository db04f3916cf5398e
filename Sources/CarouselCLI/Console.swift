import CarouselModel
import Foundation

/// Where a command writes: standard output for results, standard error for
/// progress and errors. Tests capture both.
///
/// Lines for people (`print`, `error`, `status`) never carry a control
/// character to the terminal: names come from organisers' files, and an ESC
/// in one could rewrite the screen, so each control character becomes a
/// visible stand-in (`TerminalText.sanitized`). Files sent to standard
/// output (`write`: CSV, JSON, a problem) go out byte for byte — unless
/// standard output is a terminal, where their control characters other
/// than line ends and tabs are replaced too.
public final class Console: @unchecked Sendable {
    private let lock = NSLock()
    private let writeOut: (String) -> Void
    private let writeErr: (String) -> Void
    private let outIsTerminal: Bool
    private var outUsedForData = false

    /// `outIsTerminal`: standard output is a terminal, so files written to
    /// it are shown, not piped.
    public init(out: @escaping (String) -> Void, err: @escaping (String) -> Void, outIsTerminal: Bool = false) {
        writeOut = out
        writeErr = err
        self.outIsTerminal = outIsTerminal
    }

    /// The process's own stdout and stderr.
    public static let standard = Console(
        out: { FileHandle.standardOutput.write(Data($0.utf8)) },
        err: { FileHandle.standardError.write(Data($0.utf8)) },
        outIsTerminal: isatty(STDOUT_FILENO) == 1)

    /// A line (or lines) for people on standard output.
    public func print(_ line: String = "") {
        lock.withLock { writeOut(TerminalText.sanitized(line, keepingNewlines: true) + "\n") }
    }

    public func error(_ line: String) {
        lock.withLock { writeErr(TerminalText.sanitized(line, keepingNewlines: true) + "\n") }
    }

    /// A progress line on stderr.
    public func status(_ line: String) {
        error(line)
    }

    /// A file's content on standard output, as it is. From then on,
    /// `report` sends its lines to stderr, so that they do not mix with it.
    public func write(_ data: String) {
        lock.withLock {
            outUsedForData = true
            writeOut(outIsTerminal ? TerminalText.sanitized(data, keeping: ["\n", "\r", "\t"]) : data)
        }
    }

    /// A summary line: on stdout, unless stdout carries a file (`-o -`).
    public func report(_ line: String) {
        if lock.withLock({ outUsedForData }) { error(line) } else { print(line) }
    }
}

extension Console {
    /// Prints `text`, dropping one trailing newline when `terminator` is
    /// empty (for text that already ends in one).
    func print(_ text: String, terminator: String) {
        if terminator.isEmpty && text.hasSuffix("\n") { print(String(text.dropLast())) } else { print(text) }
    }

    /// `report`, wrapped to 80 columns: the line keeps its indentation and
    /// continuation lines go two columns further in.
    func reportWrapped(_ text: String, width: Int = 80) {
        let indent = text.prefix { $0 == " " }.count
        for line in TerminalText.hanging(String(text.dropFirst(indent)), width: width, indent: indent) { report(line) }
    }
}

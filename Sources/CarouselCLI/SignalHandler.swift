import CarouselSolver
import Foundation
import Synchronization

/// Turns Ctrl-C (SIGINT) and SIGTERM (what `kill`, `timeout` and service
/// managers send) into a raised stop flag, so the search ends at its next
/// check and the best schedule so far is still written; the command then
/// exits with 128 + the signal (130, 143) so that scripts can tell. A
/// second signal exits at once.
final class SignalHandler: @unchecked Sendable {
    static let handled = [SIGINT, SIGTERM]

    private let sources: [DispatchSourceSignal]
    private let received = Atomic<Int32>(0)

    private init(stop: Termination.StopFlag) {
        var sources: [DispatchSourceSignal] = []
        for number in Self.handled {
            signal(number, SIG_IGN)
            sources.append(DispatchSource.makeSignalSource(signal: number, queue: .global()))
        }
        self.sources = sources
        for (number, source) in zip(Self.handled, sources) {
            source.setEventHandler { [self] in
                if received.compareExchange(expected: 0, desired: number, ordering: .relaxed).exchanged {
                    stop.raise()
                } else {
                    exit(ExitCode.stopped(by: number))
                }
            }
            source.resume()
        }
    }

    private func cancel() {
        for source in sources { source.cancel() }
        for number in Self.handled { signal(number, SIG_DFL) }
    }

    /// The signal that arrived, if any.
    var signalReceived: Int32? {
        let number = received.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Runs `body` with SIGINT and SIGTERM raising `stop`; its result and
    /// the signal that stopped it, if one did.
    static func whileRunning<T>(stop: Termination.StopFlag, _ body: () throws -> T) rethrows -> (
        value: T, signal: Int32?
    ) {
        let handler = SignalHandler(stop: stop)
        defer { handler.cancel() }
        let value = try body()
        return (value, handler.signalReceived)
    }

    /// How a message names the signal: `Ctrl-C` or `SIGTERM`.
    static func name(_ number: Int32) -> String {
        number == SIGINT ? "Ctrl-C" : number == SIGTERM ? "SIGTERM" : "signal \(number)"
    }
}

import Foundation

/// Where cooperating searches (`--threads N`) meet to share the best
/// schedule, in one of two ways.
///
/// - With a move budget (`meet`): at each meeting every search still
///   running offers its best, and each leaves with the best of all the
///   offers (ties to the lowest thread). A meeting waits for every search
///   still running — each arrives at its next meeting point or leaves for
///   good (`leave`) — so what a search receives at its k-th meeting depends
///   only on what the searches had done by their k-th meeting points, and a
///   run with a move budget is as deterministic as a single search.
/// - Under a time limit alone (`post`): a search posts its best and takes
///   the best posted so far, without waiting. The run is not reproducible
///   anyway, and no search idles while another is slow to arrive (a
///   thread the machine's other work holds back, or one in the middle of a
///   large-neighbourhood phase).
///
/// Used only at meeting points (every few seconds or tens of thousands of
/// moves), never in the search's loop.
final class BestExchange: @unchecked Sendable {
    /// What a search offers and receives at a meeting.
    struct Offer: Sendable {
        var level: LocalSearch.Level
        var soft: Double
        var state: PartialSchedule
        var thread: Int

        /// Whether this offer is better than `other` (lower level, then soft).
        func isBetter(than other: Offer) -> Bool {
            level < other.level || (level == other.level && soft < other.soft - 1e-9)
        }

        /// Whether this offer beats `other`: better, or as good from a lower
        /// thread.
        func beats(_ other: Offer) -> Bool {
            isBetter(than: other) || (!other.isBetter(than: self) && thread < other.thread)
        }
    }

    private let condition = NSCondition()
    private var running: Int
    private var arrived = 0
    private var round = 0
    private var leading: Offer?
    private var outcome: Offer?
    /// The best offer posted so far (`post`).
    private var posted: Offer?

    init(threads: Int) { running = threads }

    /// Runs `body(0)` … `body(count - 1)` each on a thread of its own, all
    /// at once (the searches of a meeting must all be running, so not on a
    /// pool that may have fewer threads than searches), and returns when
    /// all have.
    static func runTogether(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        let done = DispatchSemaphore(value: 0)
        for i in 1..<max(1, count) {
            let thread = Thread {
                body(i)
                done.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        body(0)
        for _ in 1..<max(1, count) { done.wait() }
    }

    /// Offers `offer` at this search's next meeting and waits for the others;
    /// returns the best offer of the meeting.
    func meet(_ offer: Offer) -> Offer {
        condition.lock()
        defer { condition.unlock() }
        if leading.map({ offer.beats($0) }) ?? true { leading = offer }
        arrived += 1
        let myRound = round
        if arrived == running {
            close()
        } else {
            while round == myRound { condition.wait() }
        }
        return outcome!
    }

    /// Posts `offer` without waiting for the others; returns the best offer
    /// posted so far by any search, this one included.
    func post(_ offer: Offer) -> Offer {
        condition.lock()
        defer { condition.unlock() }
        if posted.map({ offer.beats($0) }) ?? true { posted = offer }
        return posted!
    }

    /// A search that stops meeting (its limit reached): the meetings no
    /// longer wait for it.
    func leave() {
        condition.lock()
        defer { condition.unlock() }
        running -= 1
        if arrived > 0 && arrived == running { close() }
    }

    /// Ends the meeting in progress: publishes its best offer and wakes the
    /// searches waiting for it. (With the lock held.)
    private func close() {
        outcome = leading
        leading = nil
        arrived = 0
        round += 1
        condition.broadcast()
    }
}

extension LocalSearch {
    /// When a cooperating search meets the others (`BestExchange`): every
    /// `everyMoves` moves when the run has a move budget (a meeting that
    /// waits for all, reproducible), every `everySeconds` seconds otherwise
    /// (a post that waits for none).
    struct Meetings {
        let exchange: BestExchange
        let thread: Int
        /// Whether this search continues from a better offer. Thread 0
        /// offers its best but never adopts another's: it makes the very
        /// moves a single-thread run makes, so that more threads never do
        /// worse than one given the same moves (or, on free cores, the same
        /// time); the other threads follow the best of all.
        var adopts: Bool { thread > 0 }
        var everyMoves = 0
        var everySeconds = 0.0
        /// The next meeting point (moves or seconds).
        var next = 0.0

        init(exchange: BestExchange, thread: Int, termination: Termination) {
            self.exchange = exchange
            self.thread = thread
            if termination.iterationLimit != .max {
                everyMoves = max(10_000, termination.iterationLimit / 20)
                next = Double(everyMoves)
            } else {
                everySeconds = max(0.25, min(5, (termination.timeLimit - termination.elapsed) / 20))
                next = termination.elapsed + everySeconds
            }
        }

        /// Whether a meeting is due at `moves` moves.
        func isDue(moves: Int, termination: Termination) -> Bool {
            everyMoves > 0 ? Double(moves) >= next : termination.elapsed >= next
        }

        /// Sets the next meeting point after one at `moves` moves.
        mutating func scheduleNext(moves: Int, termination: Termination) {
            if everyMoves > 0 {
                next = Double(moves + everyMoves)
            } else {
                next = termination.elapsed + everySeconds
            }
        }
    }

    /// Meets the other searches: offers the best schedule seen and, when
    /// another search's best beats it and this search `adopts`, continues
    /// from that one. Returns the current level and soft score afterwards.
    /// A search that does not adopt leaves the meeting exactly as it came
    /// (its best schedule's bookkeeping included), so that it goes on as a
    /// lone search would.
    mutating func meet(
        _ meetings: Meetings, best: inout BestSchedule, current: (level: Level, soft: Double),
        moves: Int
    ) -> (level: Level, soft: Double) {
        let mine = best.offer(current: state, level: current.level, soft: current.soft)
        let offer = BestExchange.Offer(level: mine.level, soft: mine.soft, state: mine.state, thread: meetings.thread)
        let winner = meetings.everyMoves > 0 ? meetings.exchange.meet(offer) : meetings.exchange.post(offer)
        guard meetings.adopts, winner.isBetter(than: offer) else { return current }
        state = winner.state
        tracker.rebuild(state)
        clearTouched()
        tracker.beginMove()
        undo = .none
        let adopted = (level: level, soft: tracker.soft)
        best.save(state, level: adopted.level, soft: adopted.soft, atMove: moves)
        return adopted
    }
}

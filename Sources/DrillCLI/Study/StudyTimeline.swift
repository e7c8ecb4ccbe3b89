import Foundation

/// The time line of one session: it starts at the simulated clock's time and moves with real
/// elapsed time, so answer durations are the learner's real thinking time even on a frozen clock.
struct StudyTimeline {
    let start: Date
    private let began = ContinuousClock.now

    init(start: Date) { self.start = start }

    /// The session's current time.
    func now() -> Date {
        let elapsed = ContinuousClock.now - began
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return start.addingTimeInterval(seconds)
    }
}

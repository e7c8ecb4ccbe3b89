import Foundation

/// Where the engine gets the time: never the wall clock directly, so that rotation and deletion
/// are functions of a clock the learner (or a test) controls.
public protocol Clock: Sendable {
    func now() -> Date
}

/// A clock that stands still until moved; for tests and deterministic lab sandboxes.
public final class ManualClock: Clock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date) { current = start }

    public func now() -> Date { lock.withLock { current } }

    public func set(_ date: Date) { lock.withLock { current = date } }

    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}

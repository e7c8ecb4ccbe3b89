import Foundation
import KMSEngine
import Wire

/// The simulated clock of a home: wall time plus an offset the learner moves, or a frozen instant.
///
/// Its state lives in the database, so every kmsdrill process on the home agrees on the time. It
/// only moves forward: AWS time never runs backwards, and a key's rotations and deletion dates
/// must stay in order.
public final class HomeClock: Clock, @unchecked Sendable {
    public enum Mode: Equatable, Sendable {
        /// Wall time plus this many seconds.
        case offset(TimeInterval)
        /// Stands still at this instant until moved.
        case frozen(Date)
    }

    private let db: AppDatabase
    private let wall: @Sendable () -> Date
    private let lock = NSLock()
    private var cached: Mode?

    public init(database: AppDatabase, wall: @escaping @Sendable () -> Date = { Date() }) {
        db = database
        self.wall = wall
        database.onExternalChange { [weak self] in self?.lock.withLock { self?.cached = nil } }
    }

    public func now() -> Date {
        switch (try? mode()) ?? .offset(0) {
        case .offset(let o): return wall().addingTimeInterval(o)
        case .frozen(let d): return d
        }
    }

    public func mode() throws -> Mode {
        if let m = lock.withLock({ cached }) { return m }
        let text = try db.read { try $0.prepare("SELECT value FROM settings WHERE name = 'clock'").first { $0.text(0) } }
        let m = Self.decode(text) ?? .offset(0)
        lock.withLock { cached = m }
        return m
    }

    public struct BackwardsError: Error, CustomStringConvertible {
        public let current: Date
        public let requested: Date
        public var description: String {
            "The simulated clock only moves forward: it is \(Timestamp.cli(current)) and \(Timestamp.cli(requested)) is earlier. Use a fresh --home to start over."
        }
    }

    /// Moves the clock forward by `seconds` (it keeps ticking, or stays frozen, as it was).
    public func advance(by seconds: TimeInterval) throws {
        guard seconds >= 0 else { throw BackwardsError(current: now(), requested: now().addingTimeInterval(seconds)) }
        try db.write { conn in
            let m = Self.decode(try conn.prepare("SELECT value FROM settings WHERE name = 'clock'").first { $0.text(0) }) ?? .offset(0)
            let next: Mode
            switch m {
            case .offset(let o): next = .offset(o + seconds)
            case .frozen(let d): next = .frozen(d.addingTimeInterval(seconds))
            }
            try Self.store(next, conn)
        }
        lock.withLock { cached = nil }
    }

    /// Sets the clock to `date` (not earlier than now); `frozen` makes it stand still there.
    public func set(to date: Date, frozen: Bool? = nil) throws {
        let current = now()
        guard date >= current.addingTimeInterval(-1) else { throw BackwardsError(current: current, requested: date) }
        let keepFrozen: Bool
        if let frozen { keepFrozen = frozen } else if case .frozen = try mode() { keepFrozen = true } else { keepFrozen = false }
        let next: Mode = keepFrozen ? .frozen(date) : .offset(date.timeIntervalSince(wall()))
        try db.write { try Self.store(next, $0) }
        lock.withLock { cached = nil }
    }

    /// Lets a frozen clock tick again from where it stands.
    public func resume() throws {
        try set(to: now(), frozen: false)
    }

    private static func store(_ m: Mode, _ conn: SQLiteConnection) throws {
        let text: String
        switch m {
        case .offset(let o): text = "offset:\(o)"
        case .frozen(let d): text = "frozen:\(d.timeIntervalSince1970)"
        }
        try conn.prepare("INSERT INTO settings (name, value) VALUES ('clock', ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value")
            .bind(.text(text)).run()
    }

    static func decode(_ text: String?) -> Mode? {
        guard let text else { return nil }
        if text.hasPrefix("offset:"), let o = Double(text.dropFirst(7)) { return .offset(o) }
        if text.hasPrefix("frozen:"), let d = Double(text.dropFirst(7)) { return .frozen(Date(timeIntervalSince1970: d)) }
        return nil
    }
}

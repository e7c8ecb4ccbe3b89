import Foundation

/// Everything that shapes one learner's schedule, stored with the learner as one value.
///
/// FSRS.md asks for the model version and parameter vector to live with the learner rather than
/// as scattered constants, so that a later optimizer can change them per learner and old review
/// logs can still be replayed under the parameters that produced them.
public struct SchedulerParameters: Codable, Sendable, Equatable {
    /// The model these parameters belong to; `"FSRS-6"` for now.
    public var modelVersion: String
    /// The 21 weights w0…w20.
    public var weights: [Double]
    /// The recall probability the schedule aims for when a card comes due, in (0, 1].
    public var desiredRetention: Double
    /// Learning steps in seconds (defaults: 1 minute, 10 minutes).
    public var learningSteps: [TimeInterval]
    /// Relearning steps in seconds (default: 10 minutes).
    public var relearningSteps: [TimeInterval]
    /// The longest Review interval in days.
    public var maximumInterval: Int
    /// Whether Review intervals of 2.5 days and more are fuzzed.
    public var enableFuzz: Bool
    /// Whether a same-day Hard review may not lower stability. See `Scheduler` for the rule.
    public var sameDayHardFloor: Bool

    /// The model version this implementation speaks.
    public static let currentModelVersion = "FSRS-6"

    /// FSRS-6's published default weights w0…w20.
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// The defaults FSRS.md gives: retention 0.9, steps 1 min and 10 min, relearning 10 min,
    /// maximum interval 36500 days, fuzz on, same-day Hard floored.
    public static let `default` = SchedulerParameters()

    /// Parameters with any field overridden; unspecified fields take the defaults.
    public init(weights: [Double] = SchedulerParameters.defaultWeights,
                desiredRetention: Double = 0.9,
                learningSteps: [TimeInterval] = [60, 600],
                relearningSteps: [TimeInterval] = [600],
                maximumInterval: Int = 36500,
                enableFuzz: Bool = true,
                sameDayHardFloor: Bool = true,
                modelVersion: String = SchedulerParameters.currentModelVersion) {
        self.modelVersion = modelVersion
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzz = enableFuzz
        self.sameDayHardFloor = sameDayHardFloor
    }

    /// Checks that the parameters can drive a schedule; stored values come from outside, so they
    /// are checked rather than trusted.
    public func validate() throws(SchedulerParameterError) {
        guard modelVersion == Self.currentModelVersion else {
            throw .unsupportedModel(modelVersion)
        }
        guard weights.count == 21 else { throw .wrongWeightCount(weights.count) }
        if let index = weights.firstIndex(where: { !$0.isFinite }) {
            throw .weightNotFinite(index: index)
        }
        guard weights[20] > 0 else { throw .decayNotPositive(weights[20]) }
        guard desiredRetention > 0, desiredRetention <= 1 else {
            throw .retentionOutOfRange(desiredRetention)
        }
        if let bad = learningSteps.first(where: { !($0 > 0) || !$0.isFinite }) {
            throw .stepNotPositive(kind: "learning", seconds: bad)
        }
        if let bad = relearningSteps.first(where: { !($0 > 0) || !$0.isFinite }) {
            throw .stepNotPositive(kind: "relearning", seconds: bad)
        }
        guard maximumInterval >= 1 else { throw .maximumIntervalTooSmall(maximumInterval) }
    }
}

/// Why a set of scheduler parameters cannot be used, with the fix in the message.
public enum SchedulerParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    case unsupportedModel(String)
    case wrongWeightCount(Int)
    case weightNotFinite(index: Int)
    case decayNotPositive(Double)
    case retentionOutOfRange(Double)
    case stepNotPositive(kind: String, seconds: Double)
    case maximumIntervalTooSmall(Int)

    public var description: String {
        switch self {
        case .unsupportedModel(let version):
            return "scheduler model '\(version)' is not supported; use '\(SchedulerParameters.currentModelVersion)'"
        case .wrongWeightCount(let count):
            return "FSRS-6 needs 21 weights (w0…w20), got \(count); reset the learner's parameters to the defaults"
        case .weightNotFinite(let index):
            return "weight w\(index) is not a finite number; reset the learner's parameters to the defaults"
        case .decayNotPositive(let value):
            return "w20 (the decay) must be greater than 0, got \(value)"
        case .retentionOutOfRange(let value):
            return "desired retention must be greater than 0 and at most 1 (e.g. 0.9), got \(value)"
        case .stepNotPositive(let kind, let seconds):
            return "\(kind) steps must be positive durations, got \(seconds) seconds"
        case .maximumIntervalTooSmall(let days):
            return "the maximum interval must be at least 1 day, got \(days)"
        }
    }
}

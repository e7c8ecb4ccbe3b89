import Foundation
import Wire

/// Study figures for one group of questions (a topic, a fact, or the whole bank).
public struct ProgressFigures: Codable, Sendable, Equatable {
    /// Questions in the group.
    public var questions: Int
    /// Questions answered at least once.
    public var seen: Int
    /// Reviews logged for the group's questions.
    public var answered: Int
    /// Reviews rated anything but Again (a successful recall).
    public var correct: Int
    /// Questions due now.
    public var due: Int
    /// The expected share of the group's questions the learner would get right now: the mean FSRS
    /// retrievability, with questions never answered counting as 0. From 0 to 1.
    public var mastery: Double
}

/// Progress on one topic.
public struct TopicProgress: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var figures: ProgressFigures
}

/// Progress on one fact.
public struct FactProgress: Codable, Sendable, Equatable {
    public var id: String
    public var topic: String
    public var figures: ProgressFigures
}

/// A learner's progress at one moment: what `progress` shows and exports.
public struct ProgressReport: Codable, Sendable, Equatable {
    public var asOf: Date
    /// Reviews logged, over every card (questions and labs).
    public var answered: Int
    public var correct: Int
    /// Cards due now, over every card.
    public var due: Int
    /// Questions of the bank never answered.
    public var new: Int
    /// Consecutive days with at least one review, ending today (or yesterday, if today has none yet).
    public var streakDays: Int
    public var studiedToday: Bool
    public var overall: ProgressFigures
    public var topics: [TopicProgress]
    public var facts: [FactProgress]
    public var forecast: [ForecastDay]

    /// The report as an order-preserving JSON document (dates as epoch seconds).
    public var jsonValue: JSONValue {
        (try? JSONValueEncoder().encode(self)) ?? .object(JSONObject())
    }
}

import Foundation

/// Schedules reviews with FSRS-6 under one learner's parameters. A value with no clock and no
/// global randomness: the time of each review and the random source for fuzz are handed in.
///
/// Conventions where FSRS.md leaves a choice:
/// - Elapsed time is counted in whole days: `floor(seconds / 86400)`, never negative. A review
///   less than a whole day after the previous one uses the same-day stability formula.
/// - **Same-day Hard floor.** Reference implementations disagree on whether a same-day Hard review
///   may lower stability (FSRS.md's formula floors the increase at 1 only for Good and Easy; the
///   model the default weights were fitted with, and py-fsrs since 6.3.2, floor Hard too). We floor
///   Hard as well (`SchedulerParameters.sameDayHardFloor`, default `true`): Hard is a successful
///   recall, and a success should not make the card look less stable than before. Turning the
///   flag off gives the literal FSRS.md formula. Both are pinned by tests.
/// - Hard, Good and Easy intervals in Review are each I(r, S) of their own new stability; no
///   extra ordering between them is imposed.
/// - Fuzz: for a Review interval of at least 2.5 days, a range around it grows by 15% of the days
///   between 2.5 and 7, 10% of those between 7 and 20, and 5% of those beyond 20 (plus 1 day); the
///   fuzzed interval is drawn uniformly from the whole days in that range, never below 2 days or
///   above the maximum interval.
public struct Scheduler: Sendable {
    /// The learner's parameters (validated).
    public let parameters: SchedulerParameters
    /// The memory model built from the parameters' weights.
    public let model: FSRSModel

    static let secondsPerDay: TimeInterval = 86_400

    /// A scheduler for validated `parameters`.
    public init(parameters: SchedulerParameters = .default) throws(SchedulerParameterError) {
        try parameters.validate()
        self.parameters = parameters
        self.model = FSRSModel(weights: parameters.weights, sameDayHardFloor: parameters.sameDayHardFloor)
    }

    /// Whole days from `start` to `end`: `floor(seconds / 86400)`, never negative.
    public static func wholeDays(from start: Date, to end: Date) -> Int {
        let seconds = end.timeIntervalSince(start)
        guard seconds > 0 else { return 0 }
        return Int((seconds / secondsPerDay).rounded(.down))
    }

    /// The probability that the learner recalls `card` at `now`; `nil` for a card never reviewed.
    public func retrievability(of card: Card, at now: Date) -> Double? {
        guard let stability = card.stability, let last = card.lastReview else { return nil }
        return model.retrievability(elapsedDays: Double(Self.wholeDays(from: last, to: now)), stability: stability)
    }

    /// The Review interval in whole days for a stability, under these parameters (no fuzz).
    public func interval(forStability stability: Double) -> Int {
        model.interval(stability: stability, desiredRetention: parameters.desiredRetention,
                       maximumInterval: parameters.maximumInterval)
    }

    /// Reviews `card` with `rating` at `now`: the updated card and the log entry to append.
    /// `random` is consulted only when the result is a fuzzed Review interval.
    public func schedule<R: StudyRandomSource>(_ card: Card, rating: Rating, at now: Date,
                                          duration: TimeInterval? = nil,
                                          random: inout R) -> ScheduledReview {
        review(card, rating: rating, at: now, duration: duration) { random.nextUnit() }
    }

    /// What each rating would do to `card` at `now`, as the time until it is next due (unfuzzed),
    /// so a screen can show "Again 10m · Hard 12m · Good 2d · Easy 8d".
    public func preview(_ card: Card, at now: Date) -> [Rating: TimeInterval] {
        var result: [Rating: TimeInterval] = [:]
        for rating in Rating.allCases {
            result[rating] = review(card, rating: rating, at: now, duration: nil) { nil }.log.scheduledInterval
        }
        return result
    }

    /// The review itself; `draw` supplies the fuzz draw (or `nil` to leave the interval unfuzzed).
    func review(_ card: Card, rating: Rating, at now: Date, duration: TimeInterval?,
                draw: () -> Double?) -> ScheduledReview {
        var next = card
        updateMemory(&next, rating: rating, at: now)
        let wait = nextWait(&next, rating: rating)
        var fuzzDraw: Double?
        let delay: TimeInterval
        switch wait {
        case .seconds(let seconds):
            delay = seconds
        case .days(let days):
            var finalDays = days
            if parameters.enableFuzz, Double(days) >= 2.5, let u = draw() {
                fuzzDraw = u
                finalDays = fuzzed(days, draw: u)
            }
            delay = Double(finalDays) * Self.secondsPerDay
        }
        next.due = now.addingTimeInterval(delay)
        next.lastReview = now
        let entry = ReviewLogEntry(cardID: card.id, rating: rating, reviewedAt: now, duration: duration,
                                   before: card, after: next, fuzzDraw: fuzzDraw)
        return ScheduledReview(card: next, log: entry)
    }

    /// Updates stability, then difficulty (the new stability uses the old difficulty).
    private func updateMemory(_ card: inout Card, rating: Rating, at now: Date) {
        guard let stability = card.stability, let difficulty = card.difficulty else {
            card.stability = model.initialStability(rating)
            card.difficulty = model.initialDifficulty(rating)
            return
        }
        let elapsed = card.lastReview.map { Double(Self.wholeDays(from: $0, to: now)) } ?? 0
        card.stability = model.nextStability(difficulty: difficulty, stability: stability,
                                             elapsedDays: elapsed, rating: rating)
        card.difficulty = model.nextDifficulty(difficulty, rating: rating)
    }

    private enum Wait { case seconds(TimeInterval), days(Int) }

    /// Moves the card between states and steps and says how long until it is due.
    private func nextWait(_ card: inout Card, rating: Rating) -> Wait {
        switch card.state {
        case .learning:
            return stepWait(&card, rating: rating, steps: parameters.learningSteps)
        case .relearning:
            return stepWait(&card, rating: rating, steps: parameters.relearningSteps)
        case .review:
            if rating == .again, let first = parameters.relearningSteps.first {
                card.state = .relearning
                card.step = 0
                return .seconds(first)
            }
            return graduate(&card)
        }
    }

    /// Learning and Relearning: Again to step 0, Hard stays, Good advances, Easy graduates.
    private func stepWait(_ card: inout Card, rating: Rating, steps: [TimeInterval]) -> Wait {
        // A stored card may carry any step; a negative one is treated as the first.
        let step = max(0, card.step ?? 0)
        // No steps, or a card left past the last step by a change of parameters: graduate.
        if steps.isEmpty || (step >= steps.count && rating != .again) { return graduate(&card) }
        switch rating {
        case .again:
            card.step = 0
            return .seconds(steps[0])
        case .hard:
            card.step = step
            if step == 0 { return .seconds(steps.count >= 2 ? (steps[0] + steps[1]) / 2 : steps[0] * 1.5) }
            return .seconds(steps[step])
        case .good:
            if step + 1 >= steps.count { return graduate(&card) }
            card.step = step + 1
            return .seconds(steps[step + 1])
        case .easy:
            return graduate(&card)
        }
    }

    private func graduate(_ card: inout Card) -> Wait {
        card.state = .review
        card.step = nil
        return .days(interval(forStability: card.stability ?? FSRSModel.minimumStability))
    }

    /// The whole-day range a fuzzed interval is drawn from.
    public func fuzzRange(forDays days: Int) -> ClosedRange<Int> {
        let ivl = Double(days)
        let bands: [(start: Double, end: Double, factor: Double)] = [
            (2.5, 7, 0.15), (7, 20, 0.1), (20, .infinity, 0.05),
        ]
        var delta = 1.0
        for band in bands {
            delta += band.factor * max(min(ivl, band.end) - band.start, 0)
        }
        let upper = min(Int((ivl + delta).rounded()), parameters.maximumInterval)
        let lower = min(max(2, Int((ivl - delta).rounded())), upper)
        return lower...upper
    }

    /// The interval picked from the fuzz range by a uniform draw `u` in [0, 1).
    func fuzzed(_ days: Int, draw u: Double) -> Int {
        let range = fuzzRange(forDays: days)
        let width = range.upperBound - range.lowerBound + 1
        let offset = min(Int((u * Double(width)).rounded(.down)), width - 1)
        return range.lowerBound + max(0, offset)
    }
}

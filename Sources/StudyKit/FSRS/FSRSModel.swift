import Foundation

/// FSRS-6's memory model: the formulas of FSRS.md, as pure functions of the weights.
///
/// `G` is the rating as a number (Again 1 … Easy 4), `t` whole days elapsed, `S` stability in
/// days and `D` difficulty in [1, 10].
public struct FSRSModel: Sendable, Equatable {
    /// The smallest stability the model allows, in days.
    public static let minimumStability = 0.001
    /// The largest stability kept, in days (100 years): beyond it intervals are capped anyway, and
    /// the bound keeps a long run of Easy ratings from overflowing.
    public static let maximumStability = 36500.0

    /// The weights w0…w20 (the caller has validated that there are 21).
    public let w: [Double]
    /// Whether a same-day Hard review is floored like Good and Easy (see `Scheduler`).
    public let sameDayHardFloor: Bool

    /// A model over validated weights.
    public init(weights: [Double], sameDayHardFloor: Bool = true) {
        self.w = weights
        self.sameDayHardFloor = sameDayHardFloor
    }

    /// DECAY = -w20: how fast the forgetting curve falls.
    public var decay: Double { -w[20] }

    /// FACTOR = 0.9^(1/DECAY) - 1, which makes R(S, S) = 0.9.
    public var factor: Double { pow(0.9, 1 / decay) - 1 }

    /// R(t, S): the probability of recall after `elapsedDays` for a card of stability `stability`.
    public func retrievability(elapsedDays: Double, stability: Double) -> Double {
        pow(1 + factor * elapsedDays / stability, decay)
    }

    /// I(r, S) in fractional days, before rounding and capping.
    public func rawInterval(stability: Double, desiredRetention: Double) -> Double {
        stability / factor * (pow(desiredRetention, 1 / decay) - 1)
    }

    /// I(r, S) rounded to whole days, at least 1 and at most `maximumInterval`.
    public func interval(stability: Double, desiredRetention: Double, maximumInterval: Int) -> Int {
        let raw = rawInterval(stability: stability, desiredRetention: desiredRetention).rounded()
        // Compare in Double first: a tiny retention can ask for more days than an Int holds.
        guard raw.isFinite, raw < Double(maximumInterval) else { return maximumInterval }
        return max(1, Int(raw))
    }

    /// S0(G) = w[G-1], at least the minimum stability.
    public func initialStability(_ rating: Rating) -> Double {
        clampStability(w[rating.rawValue - 1])
    }

    /// D0(G) = w4 - e^(w5*(G-1)) + 1 without clamping (D0(4) unclamped is the reversion target).
    func unclampedInitialDifficulty(_ rating: Rating) -> Double {
        w[4] - exp(w[5] * (rating.grade - 1)) + 1
    }

    /// D0(G) clamped to [1, 10].
    public func initialDifficulty(_ rating: Rating) -> Double {
        clampDifficulty(unclampedInitialDifficulty(rating))
    }

    /// The difficulty after a review: linear damping towards 10, then mean reversion to D0(4).
    public func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let delta = -w[6] * (rating.grade - 3)
        let damped = difficulty + delta * (10 - difficulty) / 9
        let reverted = w[7] * unclampedInitialDifficulty(.easy) + (1 - w[7]) * damped
        return clampDifficulty(reverted)
    }

    /// S' after a successful recall (G >= 2) at retrievability `r`.
    public func recallStability(difficulty: Double, stability: Double, retrievability r: Double,
                                rating: Rating) -> Double {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        let growth = exp(w[8]) * (11 - difficulty) * pow(stability, -w[9]) * (exp(w[10] * (1 - r)) - 1)
        return clampStability(stability * (1 + growth * hardPenalty * easyBonus))
    }

    /// S' after a lapse (G = 1) at retrievability `r`; never above S / e^(w17*w18).
    public func forgetStability(difficulty: Double, stability: Double, retrievability r: Double) -> Double {
        let longTerm = w[11] * pow(difficulty, -w[12]) * (pow(stability + 1, w[13]) - 1) * exp(w[14] * (1 - r))
        let shortTermCap = stability / exp(w[17] * w[18])
        return clampStability(min(longTerm, shortTermCap))
    }

    /// S' for a review less than a day after the previous one.
    ///
    /// The increase factor is floored at 1 for Good and Easy, as FSRS.md gives it, and also for
    /// Hard when `sameDayHardFloor` is set (the documented divergence: see `Scheduler`).
    public func sameDayStability(_ stability: Double, rating: Rating) -> Double {
        var increase = exp(w[17] * (rating.grade - 3 + w[18])) * pow(stability, -w[19])
        if rating >= .good || (rating == .hard && sameDayHardFloor) {
            increase = max(increase, 1)
        }
        return clampStability(stability * increase)
    }

    /// The new stability for a review: same-day, lapse or recall, chosen from `elapsedDays` and G.
    public func nextStability(difficulty: Double, stability: Double, elapsedDays: Double,
                              rating: Rating) -> Double {
        if elapsedDays < 1 { return sameDayStability(stability, rating: rating) }
        let r = retrievability(elapsedDays: elapsedDays, stability: stability)
        if rating == .again {
            return forgetStability(difficulty: difficulty, stability: stability, retrievability: r)
        }
        return recallStability(difficulty: difficulty, stability: stability, retrievability: r, rating: rating)
    }

    func clampStability(_ s: Double) -> Double {
        min(max(s, Self.minimumStability), Self.maximumStability)
    }

    func clampDifficulty(_ d: Double) -> Double { min(max(d, 1), 10) }
}

/// A source of randomness handed in from outside, so that every random choice StudyKit makes
/// (fuzz, quiz order, option order) is reproducible in tests and replays.
public protocol StudyRandomSource: Sendable {
    /// The next 64 uniformly distributed random bits.
    mutating func nextUInt64() -> UInt64
}

extension StudyRandomSource {
    /// A uniformly distributed value in `0 ..< 1`, built from the top 53 bits so every
    /// representable step is equally likely.
    public mutating func nextUnit() -> Double {
        Double(nextUInt64() >> 11) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A uniformly distributed integer in `0 ..< bound`; `bound` must be at least 1.
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "nextInt(below:) needs a positive bound")
        // Rejection sampling keeps the result unbiased for bounds that do not divide 2^64.
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let value = nextUInt64()
            if value >= threshold { return Int(value % limit) }
        }
    }

    /// The elements of `items` in a random order (Fisher–Yates), reproducible for a given source.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var result = items
        var index = result.count - 1
        while index > 0 {
            let other = nextInt(below: index + 1)
            result.swapAt(index, other)
            index -= 1
        }
        return result
    }
}

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same sequence on every
/// platform, which is what tests and deterministic replays need.
public struct SeededStudyRandom: StudyRandomSource {
    private var state: UInt64

    /// A generator whose whole sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    public mutating func nextUInt64() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The operating system's generator, for production use where reproducibility is not wanted.
public struct SystemStudyRandom: StudyRandomSource {
    /// A source backed by `SystemRandomNumberGenerator`.
    public init() {}

    public mutating func nextUInt64() -> UInt64 {
        var generator = SystemRandomNumberGenerator()
        return generator.next()
    }
}

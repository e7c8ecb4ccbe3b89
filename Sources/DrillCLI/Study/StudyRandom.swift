import StudyKit

/// Randomness for one study command: seeded with `--seed N` (reproducible sessions for scripts
/// and instructors), the system's otherwise.
struct StudyRandom: StudyRandomSource {
    private var seeded: SeededStudyRandom?

    init(seed: Int?) {
        seeded = seed.map { SeededStudyRandom(seed: UInt64(truncatingIfNeeded: $0)) }
    }

    mutating func nextUInt64() -> UInt64 {
        guard var generator = seeded else {
            var system = SystemStudyRandom()
            return system.nextUInt64()
        }
        defer { seeded = generator }
        return generator.nextUInt64()
    }
}

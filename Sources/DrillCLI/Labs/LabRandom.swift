@preconcurrency import Crypto
import Foundation
import KMSEngine

/// The randomness of a lab sandbox: a SplitMix64 stream seeded by the lab's id, whose position is
/// kept in a file in the sandbox so that it carries on where it stopped when kmsdrill restarts.
///
/// Why not the CSPRNG: a learner's transcript names the key IDs the learner saw. Replaying it in a
/// fresh sandbox must produce the very same IDs, or `kms create-alias --target-key-id <that id>`
/// would fail in the grader and a correct answer would be marked wrong. Same lab, same commands,
/// same IDs. The price is that key material in a sandbox is predictable from the lab's id: a
/// sandbox is for practice, and nothing secret belongs in it (the learner's own home keeps the
/// CSPRNG).
final class LabRandom: RandomSource, @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64
    private let statePath: String?

    /// A stream for `labId`, resumed from `statePath` when that file exists.
    init(labId: String, statePath: String?) {
        self.statePath = statePath
        if let statePath, let text = try? String(contentsOfFile: statePath, encoding: .utf8),
           let saved = UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16) {
            state = saved
        } else {
            state = Self.seed(labId)
        }
    }

    /// The first 8 bytes of SHA-256("kmsdrill-lab-sandbox|<id>").
    static func seed(_ labId: String) -> UInt64 {
        let digest = Array(SHA256.hash(data: Data("kmsdrill-lab-sandbox|\(labId)".utf8)))
        return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    func bytes(_ count: Int) -> Data {
        lock.withLock {
            var out = Data(capacity: count)
            while out.count < count {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                withUnsafeBytes(of: z) { out.append(contentsOf: $0.prefix(count - out.count)) }
            }
            save()
            return out
        }
    }

    /// Keeps the position before the draw is used, so a restart never hands out the same bytes twice.
    private func save() {
        guard let statePath else { return }
        let text = String(state, radix: 16)
        FileManager.default.createFile(atPath: statePath, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    }
}

@preconcurrency import Crypto
import Foundation
import KMSEngine

/// The identifiers of a lab sandbox: a SplitMix64 stream (`SeededRandom`) seeded by the lab's
/// id, whose position is kept in a file in the sandbox so that it carries on where it stopped
/// when kmsdrill restarts.
///
/// Why not the CSPRNG: a learner's transcript names the key IDs the learner saw. Replaying it in a
/// fresh sandbox must produce the very same IDs, or `kms create-alias --target-key-id <that id>`
/// would fail in the grader and a correct answer would be marked wrong. Same lab, same commands,
/// same IDs. Only identifiers come from here: key material, data keys and nonces still come from
/// the CSPRNG (see `Workbench.init(home:identifiers:)`).
final class LabRandom: RandomSource, @unchecked Sendable {
    private let stream: SeededRandom
    private let statePath: String?

    /// A stream for `labId`, resumed from `statePath` when that file exists.
    init(labId: String, statePath: String?) {
        self.statePath = statePath
        if let statePath, let text = try? String(contentsOfFile: statePath, encoding: .utf8),
           let saved = UInt64(text.trimmingCharacters(in: .whitespacesAndNewlines), radix: 16) {
            stream = SeededRandom(seed: saved)
        } else {
            stream = SeededRandom(seed: Self.seed(labId))
        }
    }

    /// The first 8 bytes of SHA-256("kmsdrill-lab-sandbox|<id>").
    static func seed(_ labId: String) -> UInt64 {
        let digest = Array(SHA256.hash(data: Data("kmsdrill-lab-sandbox|\(labId)".utf8)))
        return digest.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    func bytes(_ count: Int) -> Data {
        let out = stream.bytes(count)
        save()
        return out
    }

    /// Keeps the position after each draw, so a restart never hands out the same bytes twice.
    private func save() {
        guard let statePath else { return }
        let text = String(stream.state, radix: 16)
        // A failed save (a full disk) can only make a restarted sandbox repeat identifiers; the
        // sandbox database's own writes fail on that disk first, and say so.
        _ = FileManager.default.createFile(atPath: statePath, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
    }
}

import CLIGrammar
import Foundation
import Wire

/// A learner's line under an InvalidCiphertextException when the blob they passed is base64
/// text. The usual cause: `--output text > ct.b64` saves the ciphertext as base64 text, and
/// `fileb://ct.b64` then passes that text's bytes, not the ciphertext. AWS answers only
/// InvalidCiphertextException, which says nothing of why; the hint names the fix.
enum CiphertextHint {
    static func text(for invocation: AWSInvocation) -> String? {
        for member in ["CiphertextBlob", "EncryptedKey"] {
            guard let wire = invocation.input[member]?.stringValue,
                  let passed = Data(base64Encoded: wire),
                  let text = String(data: passed, encoding: .ascii),
                  isBase64Text(text)
            else { continue }
            return "kmsdrill: hint: the ciphertext you passed is base64 text (what --output text prints), and fileb:// "
                + "passes a file's bytes as they are. Decode it first: file base64-decode FILE FILE.bin, then pass "
                + "fileb://FILE.bin.\n"
        }
        return nil
    }

    /// Base64 of at least a ciphertext's header, with at most surrounding whitespace.
    static func isBase64Text(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count >= 32, let decoded = Data(base64Encoded: trimmed) else { return false }
        return !decoded.isEmpty
    }
}

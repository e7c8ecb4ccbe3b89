import Wire

/// One named check of a lab: a declarative predicate over the sandbox, worth some points, with
/// the reason a learner reads when it fails.
public struct LabCheck: Sendable, Hashable, Identifiable {
    /// kebab-case, unique within the lab.
    public var id: String
    /// What passing proves, in the learner's words: "alias/app rotates every 180 days".
    public var title: String
    public var points: Int
    public var kind: LabCheckKind
    /// Why it failed, when the state is there but wrong. `{actual}` and `{expected}` are filled in.
    public var fail: String?
    /// Why it failed, when a command it needs could not run (no such alias, access denied...).
    /// `{error}` is filled in with the error code. Falls back to `fail`.
    public var missing: String?
    /// Hints that lead to passing this check.
    public var hints: LabHints?
    /// An invariant that already holds before the learner starts (e.g. "the key ARN did not
    /// change"); every other check must fail on the untouched setup.
    public var passesUntouched: Bool
    public var location: SourceLocation

    public init(id: String, title: String, points: Int, kind: LabCheckKind, fail: String? = nil, missing: String? = nil,
                hints: LabHints? = nil, passesUntouched: Bool = false, location: SourceLocation) {
        self.id = id
        self.title = title
        self.points = points
        self.kind = kind
        self.fail = fail
        self.missing = missing
        self.hints = hints
        self.passesUntouched = passesUntouched
        self.location = location
    }
}

/// What a check looks at. The YAML key of the check's predicate names the kind.
public enum LabCheckKind: Sendable, Hashable {
    /// Runs command lines against a copy of the sandbox and tests the last one's output.
    case command(CommandProbe)
    /// Counts audit records (CloudTrail events) that match a predicate.
    case audit(AuditCheck)
    /// Looks at a file in the working folder.
    case file(FileCheck)
    /// Decrypts a ciphertext file with KMS and compares the plaintext.
    case decrypts(DecryptCheck)
    /// Asks the policy evaluator whether a principal may perform an action on a key.
    case allowed(PermissionCheck)
    /// The learner's answer to a question (`lab answer ID TEXT`).
    case answer(AnswerCheck)
    /// No file in the working folder holds a data key's plaintext (raw or base64).
    case discarded(DiscardedKeyCheck)

    /// The YAML key that selects this kind.
    public var name: String {
        switch self {
        case .command: return "command"
        case .audit: return "audit"
        case .file: return "file"
        case .decrypts: return "decrypts"
        case .allowed: return "allowed"
        case .answer: return "answer"
        case .discarded: return "discarded"
        }
    }

    /// Every kind's YAML key.
    public static let names = ["command", "audit", "file", "decrypts", "allowed", "answer", "discarded"]
}

/// Command lines run in order on a throwaway copy of the sandbox; all but the last must succeed,
/// and the last one's output (JSON, or text) is tested.
public struct CommandProbe: Sendable, Hashable {
    public var run: [String]
    /// The profile the commands run as (a command's own `--profile` wins).
    public var profile: String?
    /// A JMESPath expression over the last command's JSON output.
    public var query: String?
    public var expect: ValueExpectation
    /// The result, as text, must equal this working-folder file's text (both trimmed): "the ARN
    /// is still the one recorded in arn-before.txt".
    public var sameAsFile: String?

    public init(run: [String], profile: String? = nil, query: String? = nil, expect: ValueExpectation, sameAsFile: String? = nil) {
        self.run = run
        self.profile = profile
        self.query = query
        self.expect = expect
        self.sameAsFile = sameAsFile
    }
}

/// How many audit records must match a predicate.
public struct AuditCheck: Sendable, Hashable {
    public var predicate: AuditPredicate
    public var count: CountExpectation

    public init(predicate: AuditPredicate, count: CountExpectation = CountExpectation(atLeast: 1)) {
        self.predicate = predicate
        self.count = count
    }
}

/// Bounds on a count; `exactly: 0` says "no such record".
public struct CountExpectation: Sendable, Hashable {
    public var atLeast: Int?
    public var atMost: Int?
    public var exactly: Int?

    public init(atLeast: Int? = nil, atMost: Int? = nil, exactly: Int? = nil) {
        self.atLeast = atLeast
        self.atMost = atMost
        self.exactly = exactly
    }

    /// Whether `count` is within the bounds.
    public func holds(for count: Int) -> Bool {
        if let exactly, count != exactly { return false }
        if let atLeast, count < atLeast { return false }
        if let atMost, count > atMost { return false }
        return true
    }

    /// "at least 1", "exactly 0", "between 1 and 3".
    public var phrase: String {
        if let exactly { return exactly == 0 ? "none" : "exactly \(exactly)" }
        switch (atLeast, atMost) {
        case (let low?, let high?): return "between \(low) and \(high)"
        case (let low?, nil): return "at least \(low)"
        case (nil, let high?): return "at most \(high)"
        case (nil, nil): return "any number"
        }
    }
}

/// A file in the working folder: whether it exists, and what it holds.
public struct FileCheck: Sendable, Hashable {
    public var name: String
    /// true: must exist; false: must not exist (e.g. the plaintext data key was discarded).
    public var exists: Bool
    public var contains: String?
    public var equals: String?
    /// true: the file must not be readable text (ciphertext); false: it must be.
    public var binary: Bool?
    /// The file must hold exactly the bytes of this other working-folder file.
    public var sameAs: String?

    public init(name: String, exists: Bool = true, contains: String? = nil, equals: String? = nil, binary: Bool? = nil,
                sameAs: String? = nil) {
        self.name = name
        self.exists = exists
        self.contains = contains
        self.equals = equals
        self.binary = binary
        self.sameAs = sameAs
    }
}

/// KMS Decrypt of a ciphertext file (raw bytes) in the working folder, compared with a plaintext.
public struct DecryptCheck: Sendable, Hashable {
    public var ciphertext: String
    /// The file the plaintext must equal...
    public var plaintextFile: String?
    /// ...or the text it must equal.
    public var text: String?
    public var context: [String: String]
    public var profile: String?
    /// The key the ciphertext must name (alias or key ID), passed as `--key-id`.
    public var key: String?
    /// An error the decryption must fail with instead (e.g. `InvalidCiphertextException`).
    public var error: String?

    public init(ciphertext: String, plaintextFile: String? = nil, text: String? = nil, context: [String: String] = [:],
                profile: String? = nil, key: String? = nil, error: String? = nil) {
        self.ciphertext = ciphertext
        self.plaintextFile = plaintextFile
        self.text = text
        self.context = context
        self.profile = profile
        self.key = key
        self.error = error
    }
}

/// The policy evaluator's decision for a request (what `explain` shows).
public struct PermissionCheck: Sendable, Hashable {
    /// A profile name (AppRole, alice, root...).
    public var principal: String
    /// `kms:Decrypt`, or just `Decrypt`.
    public var action: String
    public var key: String?
    public var context: [String: String]
    /// Whether the request must be allowed (true) or denied (false).
    public var allowed: Bool

    public init(principal: String, action: String, key: String?, context: [String: String] = [:], allowed: Bool) {
        self.principal = principal
        self.action = action
        self.key = key
        self.context = context
        self.allowed = allowed
    }
}

/// A question the learner answers with `lab answer ID TEXT`, and where the right answer comes from.
public struct AnswerCheck: Sendable, Hashable {
    public var question: String
    public var expected: ExpectedAnswer

    public init(question: String, expected: ExpectedAnswer) {
        self.question = question
        self.expected = expected
    }
}

/// Where an answer's right value comes from.
public enum ExpectedAnswer: Sendable, Hashable {
    /// A fixed value, or any of several spellings of it.
    case oneOf([JSONValue])
    /// The result of commands and a JMESPath query over the last one's output, like a do-it question.
    case query(run: [String], query: String)
    /// The number of audit records matching a predicate.
    case auditCount(AuditPredicate)
}

/// The plaintext of a data key must be gone: KMS decrypts `encryptedKey` (a working-folder file
/// holding the encrypted data key as raw bytes) on a copy of the sandbox, and no file in the
/// working folder may contain the plaintext, raw or base64.
public struct DiscardedKeyCheck: Sendable, Hashable {
    public var encryptedKey: String
    public var context: [String: String]

    public init(encryptedKey: String, context: [String: String] = [:]) {
        self.encryptedKey = encryptedKey
        self.context = context
    }
}

import Foundation
import JMESPath
import Testing
import Wire

/// Random and mutated expressions must only ever compile, evaluate, or throw `JMESPathError`:
/// never trap, hang or throw anything else. The generator is seeded, so a failure reproduces.
@Suite struct FuzzTests {
    /// SplitMix64: small, fast, and the same sequence on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "a", "b", "foo", "\"q d\"", "@", "*", ".", "[", "]", "[]", "[?", "{", "}", "(", ")", ",", ":", "|", "||",
        "&&", "&", "!", "==", "!=", "<", "<=", ">", ">=", "`1`", "`\"s\"`", "`[1,2]`", "`{\"a\":1}`", "`x`", "'r'",
        "0", "1", "-1", "2", "length(", "sort_by(", "max_by(", "map(", "merge(", "not_null(", "to_string(",
        "abs(", "contains(", "join(", "keys(", "reverse(", "sum(", "avg(", "type(", "to_number(", "nosuch(", " ",
        "\\", "\"", "'", "`", "é", "\u{301}", "=", "-", "$",
    ]

    static let documents: [JSONValue] = [
        .null, 1, "text", [1, 2, 3], ["a": ["b": [1, "x", nil, true]], "foo": [["a": 1], ["a": "2"], [], ["b": ["c": 3]]]],
        [["a": 1, "b": [1, 2]], ["a": -2.5, "b": "s"], "x", [1, [2, [3]]]],
    ]

    static let seeds = [
        "Keys[?KeyState == 'Enabled'].KeyId | [0]", "sort_by(Aliases, &AliasName)[-1].{n: AliasName}",
        "a[1:3:-1].b[*].c[]", "foo[?a > `1` && !b || contains(@, 'x')]", "merge(a, `{}`).*", "[a, b.c, {k: d}][0]",
        "map(&to_string(@), reverse(foo[::2]))", "`[1, 2]`[?@ >= `2`] | max(@)", "'raw\\'s' == \"q\"",
    ]

    private static func attempt(_ expression: String, _ failures: inout [String]) {
        let compiled: JMESPathExpression
        do {
            compiled = try JMESPathExpression(expression)
        } catch {
            if error.message.isEmpty { failures.append("empty message compiling \(expression)") }
            if error.kind == .syntax, let p = error.position, p < 0 || p > expression.unicodeScalars.count {
                failures.append("position \(p) outside \(expression)")
            }
            return
        }
        for document in documents {
            do {
                _ = try compiled.search(document)
            } catch {
                if error.message.isEmpty { failures.append("empty message searching with \(expression)") }
            }
        }
    }

    @Test func randomTokenSequencesNeverTrap() {
        var rng = SeededGenerator(state: 0x4A4D_4553_5041_5448)
        var failures: [String] = []
        for _ in 0..<6_000 {
            let count = Int.random(in: 1...12, using: &rng)
            let expression = (0..<count).map { _ in Self.fragments.randomElement(using: &rng) ?? "" }.joined()
            Self.attempt(expression, &failures)
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test func mutatedValidExpressionsNeverTrap() {
        var rng = SeededGenerator(state: 20_240_601)
        var failures: [String] = []
        var compiledSome = 0
        for _ in 0..<6_000 {
            var scalars = Array((Self.seeds.randomElement(using: &rng) ?? "@").unicodeScalars)
            for _ in 0..<Int.random(in: 1...3, using: &rng) {
                let at = Int.random(in: 0...scalars.count, using: &rng)
                let insert = Array((Self.fragments.randomElement(using: &rng) ?? "").unicodeScalars)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0 where at < scalars.count: scalars.remove(at: at)
                case 1: scalars.insert(contentsOf: insert, at: at)
                default: if at < scalars.count { scalars.replaceSubrange(at...at, with: insert) }
                }
            }
            let expression = String(String.UnicodeScalarView(scalars))
            if (try? JMESPathExpression(expression)) != nil { compiledSome += 1 }
            Self.attempt(expression, &failures)
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        // The mutations must leave a fair share valid, or evaluation would go untested.
        #expect(compiledSome > 500)
    }
}

import Testing

@testable import CLIGrammar

struct SuggestionsTests {
    @Test func damerauLevenshteinDistance() {
        #expect(Suggestions.distance("", "") == 0)
        #expect(Suggestions.distance("abc", "") == 3)
        #expect(Suggestions.distance("crate-key", "create-key") == 1)
        #expect(Suggestions.distance("craete-key", "create-key") == 1, "a swap of neighbours is one edit")
        #expect(Suggestions.distance("kitten", "sitting") == 3)
        #expect(Suggestions.distance("ca", "abc") == 3, "optimal string alignment, not unrestricted")
        #expect(Suggestions.distance("clé", "cle") == 1, "characters, not bytes")
    }

    @Test func thresholdsGrowWithTheWord() {
        #expect(Suggestions.threshold(forLength: 2) == 1)
        #expect(Suggestions.threshold(forLength: 9) == 3)
        #expect(Suggestions.threshold(forLength: 40) == 4)
    }

    @Test func closestCandidates() {
        let ops = ["create-key", "create-alias", "describe-key", "delete-alias", "list-keys"]
        #expect(Suggestions.closest(to: "crate-key", among: ops) == ["create-key"])
        #expect(Suggestions.closest(to: "CREATE-KEY", among: ops).isEmpty == false, "case is ignored")
        #expect(Suggestions.closest(to: "zzzzzzzz", among: ops).isEmpty)
        #expect(Suggestions.closest(to: "key", among: ["key-id", "key-spec", "plaintext"]) == ["key-id", "key-spec"],
                "a prefix is a hint even far away")
        #expect(Suggestions.closest(to: "", among: ops).isEmpty)
        #expect(Suggestions.didYouMean("lsit-keys", among: ops) == "did you mean list-keys?")
        #expect(Suggestions.didYouMean("kes", among: ["key", "keys"]) == "did you mean key or keys?")
    }
}

import AWSModel
import Testing
import Wire

@testable import CLIGrammar

/// Client-side pagination and the NextToken format. (The formatted output of paginated calls is
/// checked against the real AWS CLI in OutputSnapshotTests.)
struct PaginationTests {
    let model = ServiceModels.model("kms")!

    @Test func paginatorsAreEmbeddedFromBotocore() throws {
        let config = try #require(model.paginator(for: "ListKeys"))
        #expect(config == PaginatorConfig(inputTokens: ["Marker"], outputTokens: ["NextMarker"], moreResults: "Truncated",
                                          limitKey: "Limit", resultKeys: ["Keys"]))
        #expect(model.paginator(for: "Encrypt") == nil)
        #expect(ServiceModels.model("s3")?.paginator(for: "ListBuckets")?.nonAggregateKeys == ["Owner", "Prefix"],
                "sdk-extras are merged")
        #expect(ServiceModels.model("iam")?.paginator(for: "ListUsers")?.limitKey == "MaxItems")
    }

    @Test func tokensAreEncodedAsBotocoreDoes() {
        // Values produced by botocore's TokenEncoder.
        #expect(PaginationToken.encode([("Marker", "m1")], truncateAmount: 1) == "eyJNYXJrZXIiOiAibTEiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==")
        #expect(PaginationToken.encode([("Marker", nil)], truncateAmount: 2) == "eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAyfQ==")
        #expect(PaginationToken.pythonDumps(["Marker": "clé\u{1F600}"]) == "{\"Marker\": \"cl\\u00e9\\ud83d\\ude00\"}")
    }

    @Test func tokensDecodeIncludingBotocoresOldForm() throws {
        let decoded = try PaginationToken.decode("eyJNYXJrZXIiOiAibTEiLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ==", inputTokens: ["Marker"])
        #expect(decoded.tokens == ["Marker": "m1"])
        #expect(decoded.truncation == 1)
        let old = try PaginationToken.decode("m7___3", inputTokens: ["Marker"])
        #expect(old.tokens == ["Marker": "m7"])
        #expect(old.truncation == 3)
        #expect(try PaginationToken.decode("plain", inputTokens: ["Marker"]).tokens == ["Marker": "plain"])
        #expect(throws: CLIError.self) { try PaginationToken.decode("a___b___c", inputTokens: ["Marker"]) }
    }

    func invocation(_ line: String) throws -> AWSInvocation {
        guard case .aws(let inv) = try testGrammar.parse(line: line).0 else { throw CLIError(.usage, "not aws") }
        return inv
    }

    @Test func pagingOptionsReachThePaginator() throws {
        let inv = try invocation("kms list-keys --max-items 3 --page-size 2 --starting-token abc")
        #expect(inv.paging == PagingRequest(config: try #require(model.paginator(for: "ListKeys")), maxItems: 3,
                                            startingToken: "abc", pageSize: 2))
        #expect(inv.input == [:], "paging options are not request members")
        #expect(try invocation("kms list-keys --no-paginate").paging == nil)
        #expect(try invocation("kms list-keys --limit 5").paging == nil, "a hand-given paging member turns paging off")
        #expect(try invocation("kms list-keys --limit 5").input == ["Limit": 5])
        #expect(try invocation("kms encrypt --key-id k --plaintext aGk=").paging == nil)
    }

    @Test func shadowedMembersWorkWithNoPaginate() throws {
        let paged = try invocation("iam list-users --max-items 5")
        #expect(paged.paging?.maxItems == 5)
        #expect(paged.input == [:])
        let raw = try invocation("iam list-users --no-paginate --max-items 5")
        #expect(raw.paging == nil)
        #expect(raw.input == ["MaxItems": 5])
    }

    @Test func pageSizeAndTokensGoIntoEachRequest() throws {
        let config = try #require(model.paginator(for: "ListKeys"))
        var requests: [JSONValue] = []
        let pages: [String: JSONValue] = [
            "": ["Keys": [["KeyId": "a"]], "NextMarker": "m1", "Truncated": true],
            "m1": ["Keys": [["KeyId": "b"]], "Truncated": false],
        ]
        let result = try Paginator.run(PagingRequest(config: config, pageSize: 1), input: ["Other": 1]) { request in
            requests.append(request)
            return pages[request["Marker"]?.stringValue ?? ""] ?? [:]
        }
        #expect(requests == [["Other": 1, "Limit": 1], ["Other": 1, "Limit": 1, "Marker": "m1"]])
        #expect(result.fullResult == ["Keys": [["KeyId": "a"], ["KeyId": "b"]]])
        #expect(result.resumeToken == nil)
    }

    @Test func aServiceRepeatingItsTokenIsStopped() throws {
        let config = try #require(model.paginator(for: "ListKeys"))
        var calls = 0
        #expect(throws: CLIError.self) {
            try Paginator.run(PagingRequest(config: config), input: [:]) { _ in
                calls += 1
                return ["Keys": [], "NextMarker": "same", "Truncated": true]
            }
        }
        #expect(calls == 2, "botocore stops when the second page repeats the first page's token")
    }

    @Test func moreResultsFalseEndsEvenWithAToken() throws {
        let config = try #require(model.paginator(for: "ListKeys"))
        var calls = 0
        let result = try Paginator.run(PagingRequest(config: config), input: [:]) { _ in
            calls += 1
            return ["Keys": [["KeyId": "a"]], "NextMarker": "ignored", "Truncated": false]
        }
        #expect(calls == 1)
        #expect(result.pages.count == 1)
    }

    @Test func performConvertsTimestampsOnEveryPage() throws {
        let inv = try invocation("kms list-aliases")
        let response = try inv.perform { request in
            request["Marker"] == nil
                ? ["Aliases": [["AliasName": "alias/a", "CreationDate": 0]], "NextMarker": "m", "Truncated": true]
                : ["Aliases": [["AliasName": "alias/b", "CreationDate": 1.5]], "Truncated": false]
        }
        #expect(response.fullResult == ["Aliases": [["AliasName": "alias/a", "CreationDate": "1970-01-01T00:00:00+00:00"],
                                                    ["AliasName": "alias/b", "CreationDate": "1970-01-01T00:00:01.500000+00:00"]]])
    }
}

import JMESPath
import Testing
import Wire

/// The public surface: compile once, search many documents, keep number kinds, share across tasks.
@Suite struct APITests {
    static let listKeys: JSONValue = [
        "Keys": [
            ["KeyId": "k1", "KeyArn": "arn:aws:kms:us-east-1:111122223333:key/k1"],
            ["KeyId": "k2", "KeyArn": "arn:aws:kms:us-east-1:111122223333:key/k2"],
        ],
        "Truncated": false,
    ]

    @Test func compiledExpressionIsReusable() throws {
        let query = try JMESPathExpression("Keys[*].KeyId")
        #expect(query.source == "Keys[*].KeyId")
        #expect(try query.search(Self.listKeys) == ["k1", "k2"])
        #expect(try query.search(["Keys": []]) == [])
        #expect(try query.search(.null) == .null)
    }

    @Test func integerResultsStayIntegers() throws {
        // The CLI prints 3, not 3.0, for counts and integer arithmetic.
        let count = try JMESPathExpression("length(Keys)").search(Self.listKeys)
        guard case .int(2) = count else {
            Issue.record("length() gave \(count), not the integer 2")
            return
        }
        let ceiling = try JMESPathExpression("ceil(`2.1`)").search(.null)
        guard case .int(3) = ceiling else {
            Issue.record("ceil() gave \(ceiling), not the integer 3")
            return
        }
        let average = try JMESPathExpression("avg(`[1, 2]`)").search(.null)
        guard case .double(1.5) = average else {
            Issue.record("avg() gave \(average), not the double 1.5")
            return
        }
    }

    @Test func objectResultsKeepMemberOrder() throws {
        let result = try JMESPathExpression("{Z: Truncated, A: Keys[0].KeyId, M: `1`}").search(Self.listKeys)
        #expect(result.objectValue?.keys == ["Z", "A", "M"])
    }

    @Test func expressionsAreSendable() async throws {
        let query = try JMESPathExpression("Keys[?KeyId == 'k2'].KeyArn | [0]")
        let results = try await withThrowingTaskGroup(of: JSONValue.self) { group in
            for _ in 0..<4 { group.addTask { try query.search(Self.listKeys) } }
            var all: [JSONValue] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(results == Array(repeating: "arn:aws:kms:us-east-1:111122223333:key/k2", count: 4))
    }

    @Test func largeDocumentsSearchInLinearTime() throws {
        // 200k elements through a filter, a projection, a flatten and a sort: a quadratic step
        // (copying the accumulated array per element) would take minutes, not milliseconds.
        let elements = (0..<200_000).map { i -> JSONValue in ["Id": .int(i), "Tags": [.int(i % 7)]] }
        let document: JSONValue = ["Items": .array(elements)]
        let query = try JMESPathExpression("Items[?Id > `100`].Tags[] | sort(@) | length(@)")
        let clock = ContinuousClock()
        var result: JSONValue = .null
        let elapsed = try clock.measure { result = try query.search(document) }
        #expect(result == 199_899)
        #expect(elapsed < .seconds(20))
    }

    @Test func longChainsAndDeepNestingDoNotExhaustTheStack() throws {
        let chain = Array(repeating: "a", count: 150).joined(separator: ".")
        var nested: JSONValue = "bottom"
        for _ in 0..<150 { nested = ["a": nested] }
        #expect(try JMESPathExpression(chain).search(nested) == "bottom")

        let deep = String(repeating: "(", count: 5_000) + "a" + String(repeating: ")", count: 5_000)
        #expect(throws: JMESPathError.self) { try JMESPathExpression(deep) }
        let deepList = String(repeating: "[", count: 5_000) + "a" + String(repeating: "]", count: 5_000)
        #expect(throws: JMESPathError.self) { try JMESPathExpression(deepList) }
        let longPipe = Array(repeating: "@", count: 5_000).joined(separator: " | ")
        #expect(throws: JMESPathError.self) { try JMESPathExpression(longPipe) }
    }

    @Test func theDeepestAcceptedExpressionsEvaluate() throws {
        // Just inside the nesting limit, evaluation recursion must still fit on a task's stack.
        let lists = String(repeating: "[", count: 190) + "@" + String(repeating: "]", count: 190)
        var expected: JSONValue = 7
        for _ in 0..<190 { expected = [expected] }
        #expect(try JMESPathExpression(lists).search(7) == expected)

        let calls = String(repeating: "map(&to_array(@), ", count: 95) + "@" + String(repeating: ")", count: 95)
        #expect(try JMESPathExpression(calls).search([1]) != .null)

        let nots = String(repeating: "!", count: 190) + "@"
        #expect(try JMESPathExpression(nots).search(true) == true)
    }
}

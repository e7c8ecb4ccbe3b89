import JMESPath
import Testing
import Wire

/// What a learner sees when a `--query` is wrong: the kind, the position, a caret, a hint, and
/// never a value from the searched document.
@Suite struct ErrorReportingTests {
    private func compileError(_ expression: String) -> JMESPathError? {
        do {
            _ = try JMESPathExpression(expression)
            return nil
        } catch {
            return error
        }
    }

    private func searchError(_ expression: String, _ data: JSONValue) throws -> JMESPathError? {
        let compiled = try JMESPathExpression(expression)
        do {
            _ = try compiled.search(data)
            return nil
        } catch {
            return error
        }
    }

    @Test func unfinishedFilterPointsAtTheEnd() throws {
        let error = try #require(compileError("Keys[?"))
        #expect(error.kind == .syntax)
        #expect(error.position == 6)
        #expect(error.message.contains("Unexpected end of the expression at position 6 in 'Keys[?'"))
        #expect(error.message.contains("expected an expression"))
        #expect(error.description == error.message + "\n  Keys[?\n        ^")
    }

    @Test func unexpectedTokenIsQuotedWithItsPosition() throws {
        let error = try #require(compileError("Keys[?KeyId == 'x']]"))
        #expect(error.kind == .syntax)
        #expect(error.position == 19)
        #expect(error.message.hasPrefix("Unexpected token ']' at position 19 in 'Keys[?KeyId == 'x']]'"))
        #expect(error.description.hasSuffix("\n  " + String(repeating: " ", count: 19) + "^"))
    }

    @Test func singleEqualsSuggestsDoubleEquals() throws {
        let error = try #require(compileError("Keys[?KeyState = 'Enabled']"))
        #expect(error.kind == .syntax)
        #expect(error.position == 15)
        #expect(error.message.contains("use '=='"))
    }

    @Test func dashedNameSuggestsQuoting() throws {
        let error = try #require(compileError("Tags.my-tag"))
        #expect(error.position == 7)
        #expect(error.message.contains("\"my-name\""))
    }

    @Test func bracketContentIsExplained() throws {
        let error = try #require(compileError("Keys[KeyId]"))
        #expect(error.position == 5)
        #expect(error.message.contains("[?Enabled]"))
    }

    /// Positions count code points (as the reference does); the caret counts characters, so a
    /// combining accent does not push it right, and a newline shows as one space.
    @Test func caretAlignsAfterNewlinesAndCombiningCharacters() throws {
        let error = try #require(compileError("\"cafe\u{301}\".\n]"))
        #expect(error.position == 9)
        #expect(error.description.hasSuffix("\"cafe\u{301}\". ]\n  " + String(repeating: " ", count: 8) + "^"))
    }

    @Test func unclosedQuotePointsAtTheOpeningQuote() throws {
        let error = try #require(compileError("Keys[?Name == 'abc]"))
        #expect(error.kind == .syntax)
        #expect(error.position == 14)
        #expect(error.message.contains("Unclosed raw string literal"))
    }

    @Test func emptyExpressionSaysSo() throws {
        let error = try #require(compileError(""))
        #expect(error.kind == .syntax)
        #expect(error.message.contains("empty"))
    }

    @Test func misspeltFunctionGetsASuggestion() throws {
        let error = try #require(compileError("Keys | lenght(@)"))
        #expect(error.kind == .unknownFunction)
        #expect(error.position == 7)
        #expect(error.message.contains("did you mean length()?"))
        let unrelated = try #require(compileError("frobnicate(@)"))
        #expect(unrelated.message.contains("sort_by"))
    }

    @Test func arityNamesTheExpectedCount() throws {
        let error = try #require(compileError("starts_with(Name)"))
        #expect(error.kind == .invalidArity)
        #expect(error.message.contains("starts_with() at position 0 in 'starts_with(Name)' takes 2 arguments but was given 1"))
        let variadic = try #require(compileError("merge()"))
        #expect(variadic.message.contains("at least 1 argument"))
    }

    @Test func missingAmpersandIsExplained() throws {
        let error = try #require(compileError("sort_by(Keys, KeyId)"))
        #expect(error.kind == .invalidType)
        #expect(error.position == 14)
        #expect(error.message.contains("&"))
    }

    @Test func zeroSliceStepIsAnInvalidValue() throws {
        let error = try #require(compileError("Keys[::0]"))
        #expect(error.kind == .invalidValue)
        #expect(error.position == 7)
    }

    @Test func syntaxErrorsWinOverUnknownFunctions() throws {
        let error = try #require(compileError("nosuch(@) | ]"))
        #expect(error.kind == .syntax)
    }

    @Test func typeErrorsNameTypesButNeverValues() throws {
        let secret: JSONValue = ["Plaintext": "c2VjcmV0LWtleS1tYXRlcmlhbA==", "Items": [1, "AKIASECRETVALUE", 3]]
        let error = try #require(try searchError("abs(Plaintext)", secret))
        #expect(error.kind == .invalidType)
        #expect(error.message == "abs() at position 0 expects argument 1 to be a number, but got a string")
        #expect(error.expression == "abs(Plaintext)")
        #expect(error.position == 0)
        let elements = try #require(try searchError("sum(Items)", secret))
        #expect(elements.message.contains("element 1 is a string"))
        #expect(!elements.description.contains("AKIASECRETVALUE"))
        let keyed = try #require(try searchError("sort_by(Items, &@)", secret))
        #expect(keyed.kind == .invalidType)
        #expect(!keyed.description.contains("AKIASECRETVALUE"))
    }

    @Test func nullArgumentsHintAtMisspeltNames() throws {
        let error = try #require(try searchError("Keys | length(KeyIds)", ["Keys": ["KeyId": "k"]]))
        #expect(error.kind == .invalidType)
        #expect(error.position == 7)
        #expect(error.message.contains("got null (a misspelt or missing member name gives null)"))
        #expect(error.description.hasSuffix("\n  Keys | length(KeyIds)\n         ^"))
    }

    @Test func errorsInsideFunctionsPointAtTheCall() throws {
        let data: JSONValue = ["Keys": [["Size": 1], ["Size": "2"]]]
        let error = try #require(try searchError("Keys | sort_by(@, &Size)", data))
        #expect(error.kind == .invalidType)
        #expect(error.position == 7)
        #expect(error.message.contains("element 0 gave a number and element 1 a string"))
    }

    @Test func doubleQuotedComparandsAreFlagged() throws {
        let query = try JMESPathExpression("Keys[?KeyState == \"Enabled\"]")
        #expect(query.warnings.count == 1)
        #expect(query.warnings.first?.contains("write 'Enabled'") == true)
        #expect(query.warnings.first?.contains("position 18") == true)
        #expect(try JMESPathExpression("Keys[?\"Key State\" == 'Enabled']").warnings.count == 1)
        #expect(try JMESPathExpression("Keys[?KeyState == 'Enabled']").warnings.isEmpty)
        #expect(try JMESPathExpression("Keys[?\"Key State\".x == 'Enabled']").warnings.isEmpty)
    }

    @Test func errorKindsUseTheSpecificationNames() {
        #expect(JMESPathError.Kind.invalidType.rawValue == "invalid-type")
        #expect(JMESPathError.Kind.invalidValue.rawValue == "invalid-value")
        #expect(JMESPathError.Kind.invalidArity.rawValue == "invalid-arity")
        #expect(JMESPathError.Kind.unknownFunction.rawValue == "unknown-function")
        #expect(JMESPathError.Kind.syntax.rawValue == "syntax")
    }
}

import KMSEngine
import Testing

/// Expects `body` to fail with the KMS error `code`; records an issue at the caller's line if it
/// succeeds or fails differently. Returns the error for further checks.
@discardableResult
public func expectKMSError<T>(_ code: KMSError.Code, messageContains part: String? = nil,
                              sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) -> KMSError? {
    do {
        _ = try body()
        Issue.record("expected \(code.rawValue), but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let e as KMSError {
        #expect(e.code == code, "expected \(code.rawValue), got \(e)", sourceLocation: sourceLocation)
        if let part {
            #expect(e.message.contains(part), "message '\(e.message)' lacks '\(part)'", sourceLocation: sourceLocation)
        }
        return e
    } catch {
        Issue.record("expected \(code.rawValue), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

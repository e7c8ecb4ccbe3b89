import CloudSim
import Foundation
import KMSEngine
import Testing
import TestSupport
import Wire

/// Expects `body` to fail with the service error `code`; returns the error for more checks.
@discardableResult
func expectServiceError<T>(_ code: String, status: Int? = nil, messageContains part: String? = nil,
                           sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> T) -> AWSServiceError? {
    do {
        let value = try body()
        Issue.record("expected \(code), but the call succeeded with \(value)", sourceLocation: sourceLocation)
        return nil
    } catch let e as AWSServiceError {
        #expect(e.code == code, "expected \(code), got \(e)", sourceLocation: sourceLocation)
        if let status { #expect(e.httpStatus == status, "expected HTTP \(status), got \(e.httpStatus)", sourceLocation: sourceLocation) }
        if let part { #expect(e.message.contains(part), "message '\(e.message)' lacks '\(part)'", sourceLocation: sourceLocation) }
        return e
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// One KMS audit record, reduced to what the service tests check.
struct KMSEvent: CustomStringConvertible {
    let name: String
    let invokedBy: String?
    let userType: String?
    let userName: String?
    let context: [String: String]
    let errorCode: String?
    let resources: [String]
    let record: JSONValue

    init(_ r: JSONValue) {
        record = r
        name = r["eventName"]?.stringValue ?? ""
        invokedBy = r["userIdentity"]?["invokedBy"]?.stringValue
        userType = r["userIdentity"]?["type"]?.stringValue
        userName = r["userIdentity"]?["userName"]?.stringValue
        var c: [String: String] = [:]
        for (k, v) in r["requestParameters"]?["encryptionContext"]?.objectValue ?? JSONObject() { c[k] = v.stringValue }
        context = c
        errorCode = r["errorCode"]?.stringValue
        resources = (r["resources"]?.arrayValue ?? []).compactMap { $0["ARN"]?.stringValue }
    }

    var description: String { "\(name)\(errorCode.map { "(\($0))" } ?? "") by \(userName ?? userType ?? "?") via \(invokedBy ?? "-") \(context)" }
}

extension ServiceFixture {
    /// The KMS events recorded after the first `count` records.
    func events(since count: Int) throws -> [KMSEvent] {
        try auditRecords(since: count).map(KMSEvent.init)
    }

    var auditCount: Int { (try? auditRecords().count) ?? 0 }

    /// Whether `bytes` occur anywhere in the database (tables of every module).
    func databaseContains(_ bytes: Data) throws -> Bool {
        try database.allStoredBytesForTesting().contains { $0.range(of: bytes) != nil }
    }
}

extension Callers {
    static var alice: RequestContext { user("alice") }
    static var bob: RequestContext { user("bob") }
    static var carol: RequestContext { user("carol", account: otherAccount) }
}

func b64(_ text: String) -> JSONValue { .string(Data(text.utf8).base64EncodedString()) }

func decodeBody(_ output: JSONValue) -> String? {
    output["Body"]?.stringValue.flatMap { Data(base64Encoded: $0) }.flatMap { String(data: $0, encoding: .utf8) }
}

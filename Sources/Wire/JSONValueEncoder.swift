import Foundation

/// Encodes `Encodable` values into `JSONValue` in the AWS JSON 1.1 wire form.
///
/// `Data` becomes a base64 string and `Date` becomes epoch seconds, as the KMS wire protocol sends
/// them; members keep their declaration order; `nil` optionals are left out.
public struct JSONValueEncoder {
    public init() {}

    public func encode<T: Encodable>(_ value: T) throws -> JSONValue {
        let box = EncodingBox()
        try box.encode(value)
        return box.value
    }
}

private final class EncodingBox {
    var value: JSONValue = .null

    func encode<T: Encodable>(_ value: T) throws {
        self.value = try encodeValue(value, codingPath: [])
    }
}

private func encodeValue<T: Encodable>(_ value: T, codingPath: [CodingKey]) throws -> JSONValue {
    switch value {
    case let d as Data: return .string(d.base64EncodedString())
    case let d as Date: return .double(d.timeIntervalSince1970)
    case let j as JSONValue: return j
    default:
        let encoder = ValueEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        return encoder.storage.resolve()
    }
}

/// Where a nested encoder puts what it encodes; resolved once encoding finishes.
private final class Slot {
    enum Content {
        case empty
        case value(JSONValue)
        case object([(String, Slot)])
        case array([Slot])
    }
    var content: Content = .empty

    func resolve() -> JSONValue {
        switch content {
        case .empty: return .object(JSONObject())
        case .value(let v): return v
        case .object(let members):
            var o = JSONObject()
            for (k, s) in members { o[k] = s.resolve() }
            return .object(o)
        case .array(let items): return .array(items.map { $0.resolve() })
        }
    }
}

private final class ValueEncoder: Encoder {
    let codingPath: [CodingKey]
    let userInfo: [CodingUserInfoKey: Any] = [:]
    let storage = Slot()

    init(codingPath: [CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.content {} else { storage.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(slot: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array = storage.content {} else { storage.content = .array([]) }
        return UnkeyedContainer(slot: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        SingleContainer(slot: storage, codingPath: codingPath)
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [CodingKey]

    private func append(_ key: Key, _ child: Slot) {
        guard case .object(var members) = slot.content else { return }
        members.removeAll { $0.0 == key.stringValue }
        members.append((key.stringValue, child))
        slot.content = .object(members)
    }

    mutating func encodeNil(forKey key: Key) throws {
        let s = Slot()
        s.content = .value(.null)
        append(key, s)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        let s = Slot()
        s.content = .value(try encodeValue(value, codingPath: codingPath + [key]))
        append(key, s)
    }

    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let s = Slot()
        s.content = .object([])
        append(key, s)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(slot: s, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let s = Slot()
        s.content = .array([])
        append(key, s)
        return UnkeyedContainer(slot: s, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { ValueEncoder(codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> Encoder { ValueEncoder(codingPath: codingPath + [key]) }
}

private struct IndexKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ i: Int) {
        stringValue = "Index \(i)"
        intValue = i
    }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.init(intValue) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [CodingKey]

    var count: Int {
        if case .array(let items) = slot.content { return items.count }
        return 0
    }

    private func append(_ child: Slot) {
        guard case .array(var items) = slot.content else { return }
        items.append(child)
        slot.content = .array(items)
    }

    mutating func encodeNil() throws {
        let s = Slot()
        s.content = .value(.null)
        append(s)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let s = Slot()
        s.content = .value(try encodeValue(value, codingPath: codingPath + [IndexKey(count)]))
        append(s)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let s = Slot()
        s.content = .object([])
        append(s)
        return KeyedEncodingContainer(KeyedContainer<NestedKey>(slot: s, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let s = Slot()
        s.content = .array([])
        append(s)
        return UnkeyedContainer(slot: s, codingPath: codingPath)
    }

    mutating func superEncoder() -> Encoder { ValueEncoder(codingPath: codingPath) }
}

private struct SingleContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [CodingKey]

    mutating func encodeNil() throws { slot.content = .value(.null) }
    mutating func encode(_ value: Bool) throws { slot.content = .value(.bool(value)) }
    mutating func encode(_ value: String) throws { slot.content = .value(.string(value)) }
    mutating func encode(_ value: Double) throws { slot.content = .value(.double(value)) }
    mutating func encode(_ value: Float) throws { slot.content = .value(.double(Double(value))) }
    mutating func encode(_ value: Int) throws { slot.content = .value(.int(value)) }
    mutating func encode(_ value: Int8) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int16) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int32) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: Int64) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt8) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt16) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt32) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode(_ value: UInt64) throws { slot.content = .value(.int(Int(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        slot.content = .value(try encodeValue(value, codingPath: codingPath))
    }
}

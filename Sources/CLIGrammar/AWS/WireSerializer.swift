import AWSModel
import Wire

/// Serializes validated parameters into the JSON the engine receives (the json protocol's body
/// form, used for every service here): blobs as base64 text, timestamps as epoch seconds (whole
/// seconds as integers, otherwise with millisecond precision, as botocore sends them).
struct WireSerializer {
    let model: ServiceModel

    func serialize(_ value: ParamValue, shape shapeName: String?) -> JSONValue {
        let shape = shapeName.flatMap { model.shape($0) }
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i):
            if shape?.kind == .timestamp { return .int(i) }
            if shape?.kind == .double || shape?.kind == .float { return .double(Double(i)) }
            return .int(i)
        case .double(let d):
            if shape?.kind == .timestamp { return Self.epoch(d) }
            return .double(d)
        case .string(let s):
            if shape?.kind == .timestamp, let seconds = TimestampInput.parse(value) { return Self.epoch(seconds) }
            if shape?.kind == .blob { return .string(Base64.encode(Array(s.utf8))) }
            return .string(s)
        case .bytes(let b):
            return .string(Base64.encode(b))
        case .list(let items):
            return .array(items.map { serialize($0, shape: shape?.element) })
        case .map(let object):
            var out = JSONObject()
            for (key, v) in object.entries {
                let memberShape: String?
                if shape?.kind == .structure {
                    memberShape = shape?.member(named: key)?.shape
                } else {
                    memberShape = shape?.mapValue
                }
                out[key] = serialize(v, shape: memberShape)
            }
            return .object(out)
        }
    }

    static func epoch(_ seconds: Double) -> JSONValue {
        let whole = seconds.rounded(.down)
        if whole == seconds, abs(whole) < 9e15 { return .int(Int(whole)) }
        let millis = (seconds * 1000).rounded(.down) / 1000
        return .double(millis)
    }
}

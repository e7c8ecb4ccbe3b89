import AWSModel
import Wire

/// Applies `--cli-binary-format` to every blob parameter given as text, wherever it sits in the
/// request (AWS CLI v2): with `base64` the text must be base64 and is decoded; with
/// `raw-in-base64-out` its UTF-8 bytes are used. Bytes from `fileb://` are never touched.
struct BlobInput {
    let model: ServiceModel
    let format: BinaryFormat

    /// - Parameter name: the parameter's path (`Plaintext`, `Tags[0].Value`), for messages.
    func apply(_ value: ParamValue, shape shapeName: String, name: String = "") throws(CLIError) -> ParamValue {
        guard let shape = model.shape(shapeName) else { return value }
        switch (shape.kind, value) {
        case (.blob, .string(let text)):
            switch format {
            case .rawInBase64Out:
                return .bytes(Array(text.utf8))
            case .base64:
                guard let bytes = Base64.decodeStrict(text) else {
                    if shape.isSensitive {
                        // The AWS CLI repeats the value; a secret must not be repeated.
                        throw CLIError(.validation, "Invalid base64: the value of \(name) is not base64 (it is not shown "
                                       + "because it is secret). Give base64 text, fileb://PATH for a file's raw bytes, "
                                       + "or --cli-binary-format raw-in-base64-out to pass text as it is.")
                    }
                    throw CLIError(.validation, "Invalid base64: \"\(text)\"")
                }
                return .bytes(bytes)
            }
        case (.structure, .map(var object)):
            for member in shape.members {
                if let v = object[member.name] {
                    object[member.name] = try apply(v, shape: member.shape, name: name.isEmpty ? member.name : "\(name).\(member.name)")
                }
            }
            return .map(object)
        case (.list, .list(let items)):
            guard let element = shape.element else { return value }
            var out: [ParamValue] = []
            for (i, item) in items.enumerated() { out.append(try apply(item, shape: element, name: "\(name)[\(i)]")) }
            return .list(out)
        case (.map, .map(var object)):
            guard let valueShape = shape.mapValue else { return value }
            for key in object.keys {
                if let v = object[key] { object[key] = try apply(v, shape: valueShape, name: "\(name).\(key)") }
            }
            return .map(object)
        default:
            return value
        }
    }
}

/// Base64 as Python's `base64.b64decode(text, validate=True)` and `b64encode` treat it.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Standard base64 with padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], alphabet[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], 61, 61]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [alphabet[Int(n >> 18 & 63)], alphabet[Int(n >> 12 & 63)], alphabet[Int(n >> 6 & 63)], 61]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes only well-formed base64: the standard alphabet, at most two `=` at the end, and
    /// padding wherever the data does not fill the last group. Nil otherwise (including any blank).
    public static func decodeStrict(_ text: String) -> [UInt8]? {
        var values: [UInt8] = []
        values.reserveCapacity(text.utf8.count)
        var pads = 0
        for b in text.utf8 {
            if b == 61 {
                pads += 1
                continue
            }
            if pads > 0 { return nil }
            guard let v = value(of: b) else { return nil }
            values.append(v)
        }
        guard pads <= 2 else { return nil }
        switch values.count % 4 {
        case 1: return nil
        case 2: if pads != 2 { return nil }
        case 3: if pads < 1 { return nil }
        default: break
        }
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 3 / 4)
        var i = 0
        while i + 4 <= values.count {
            let n = UInt32(values[i]) << 18 | UInt32(values[i + 1]) << 12 | UInt32(values[i + 2]) << 6 | UInt32(values[i + 3])
            out += [UInt8(n >> 16 & 255), UInt8(n >> 8 & 255), UInt8(n & 255)]
            i += 4
        }
        let rest = values.count - i
        if rest == 2 {
            out.append(UInt8((UInt32(values[i]) << 2 | UInt32(values[i + 1]) >> 4) & 255))
        } else if rest == 3 {
            let n = UInt32(values[i]) << 18 | UInt32(values[i + 1]) << 12 | UInt32(values[i + 2]) << 6
            out += [UInt8(n >> 16 & 255), UInt8(n >> 8 & 255)]
        }
        return out
    }

    private static func value(of b: UInt8) -> UInt8? {
        switch b {
        case 65...90: return b - 65
        case 97...122: return b - 71
        case 48...57: return b + 4
        case 43: return 62
        case 47: return 63
        default: return nil
        }
    }
}

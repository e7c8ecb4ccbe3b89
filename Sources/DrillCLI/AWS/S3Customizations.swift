@preconcurrency import Crypto
import Foundation
import Wire

/// What the AWS CLI (botocore) does to S3 requests before sending them: an SSE-C key given as
/// text is sent base64-encoded with its MD5, so S3 can check it arrived intact.
enum S3Customizations {
    static func prepare(_ input: JSONValue, service: String) -> JSONValue {
        guard service == "s3", case .object(var o) = input else { return input }
        for (key, md5) in [("SSECustomerKey", "SSECustomerKeyMD5"), ("CopySourceSSECustomerKey", "CopySourceSSECustomerKeyMD5")] {
            guard let raw = o[key]?.stringValue, o[md5] == nil else { continue }
            let bytes = Data(raw.utf8)
            o[key] = .string(bytes.base64EncodedString())
            o[md5] = .string(Data(Insecure.MD5.hash(data: bytes)).base64EncodedString())
        }
        return .object(o)
    }
}

import Synchronization
import Wire

/// One AWS service's model (the botocore `service-2.json`, trimmed to what KMS Drill offers).
///
/// Models are parsed on first use and shared: a one-shot `kmsdrill -c 'kms ...'` pays only for
/// the service it calls.
public final class ServiceModel: Sendable {
    /// The botocore service name (`kms`, `s3`, `ec2`, ...).
    public let service: String
    /// The AWS CLI command (`kms`, `s3api`, ...).
    public let cliName: String
    public let fullName: String
    public let apiVersion: String
    public let protocolName: String
    public let targetPrefix: String?
    /// The service's documentation (HTML, as AWS wrote it), shown by `help kms`.
    public let documentation: String
    /// Operations in the model's order.
    public let operations: [Operation]
    private let operationsByName: [String: Int]
    private let operationsByCLIName: [String: Int]
    private let shapes: [String: Shape]
    private let paginators: [String: PaginatorConfig]

    init(service: String, json: JSONValue) {
        self.service = service
        let meta = json["metadata"]?.objectValue ?? JSONObject()
        cliName = meta["cliName"]?.stringValue ?? service
        fullName = meta["serviceFullName"]?.stringValue ?? service
        apiVersion = meta["apiVersion"]?.stringValue ?? ""
        protocolName = meta["protocol"]?.stringValue ?? "json"
        targetPrefix = meta["targetPrefix"]?.stringValue
        documentation = json["documentation"]?.stringValue ?? ""
        var ops: [Operation] = []
        for (name, value) in json["operations"]?.objectValue ?? JSONObject() {
            ops.append(Operation(
                name: name,
                input: value["input"]?["shape"]?.stringValue,
                output: value["output"]?["shape"]?.stringValue,
                errors: (value["errors"]?.arrayValue ?? []).compactMap { $0["shape"]?.stringValue },
                documentation: value["documentation"]?.stringValue ?? "",
                isDeprecated: value["deprecated"]?.boolValue ?? false))
        }
        operations = ops
        operationsByName = Dictionary(uniqueKeysWithValues: ops.enumerated().map { ($1.name, $0) })
        operationsByCLIName = Dictionary(ops.enumerated().map { ($1.cliName, $0) }, uniquingKeysWith: { a, _ in a })
        var shapes: [String: Shape] = [:]
        for (name, value) in json["shapes"]?.objectValue ?? JSONObject() {
            if case .object(let o) = value { shapes[name] = Shape(name: name, json: o) }
        }
        self.shapes = shapes
        var paginators: [String: PaginatorConfig] = [:]
        for (name, value) in json["paginators"]?.objectValue ?? JSONObject() {
            paginators[name] = PaginatorConfig(json: value)
        }
        self.paginators = paginators
    }

    public func operation(named name: String) -> Operation? {
        operationsByName[name].map { operations[$0] }
    }

    /// Looks an operation up by its CLI name (`create-key`).
    public func operation(cliName: String) -> Operation? {
        operationsByCLIName[cliName].map { operations[$0] }
    }

    public func shape(_ name: String) -> Shape? { shapes[name] }

    /// The AWS CLI's pagination for an operation (by model name, `ListKeys`), or nil when it has none.
    public func paginator(for operation: String) -> PaginatorConfig? { paginators[operation] }

    public var shapeNames: [String] { Array(shapes.keys) }
}

/// The embedded models, parsed lazily.
public enum ServiceModels {
    /// botocore service names, in the order help lists them.
    public static let services = ["kms", "s3", "ec2", "rds", "dynamodb", "iam", "sts", "cloudtrail"]

    private static let cache = Mutex<[String: ServiceModel]>([:])

    /// The model of a service by botocore name (`kms`, `s3`) or CLI name (`s3api`).
    public static func model(_ name: String) -> ServiceModel? {
        let service = name == "s3api" ? "s3" : name
        if let m = cache.withLock({ $0[service] }) { return m }
        guard let text = ServiceModelSource.text(for: service),
            let json = try? JSONParser.parse(text)
        else { return nil }
        let model = ServiceModel(service: service, json: json)
        cache.withLock { $0[service] = model }
        return model
    }
}

/// Holds the generated model texts (see `scripts/generate-models.py`).
enum ServiceModelSource {
    static func text(for service: String) -> String? {
        switch service {
        case "kms": return kmsJSON
        case "s3": return s3JSON
        case "ec2": return ec2JSON
        case "rds": return rdsJSON
        case "dynamodb": return dynamodbJSON
        case "iam": return iamJSON
        case "sts": return stsJSON
        case "cloudtrail": return cloudtrailJSON
        default: return nil
        }
    }
}

import CloudSim
import Foundation
import KMSEngine
import Storage

/// Everything a kmsdrill process works with, built once from a home folder: the database, the
/// HSM root key, the simulated clock, the engine with its authorizer, and the services.
///
/// This is the composition root: the only place that picks concrete implementations.
public final class Workbench: @unchecked Sendable {
    public let home: HomeFolder
    public let database: AppDatabase
    public let clock: HomeClock
    public let engine: KMSEngine
    public let iam: SQLiteIAMStore
    public let profiles: Profiles
    public let services: ServiceRegistry
    public let cloudTrail: CloudTrailService

    /// - Parameter identifiers: where key IDs, grant IDs, resource and event IDs come from: the
    ///   system CSPRNG, except in a lab sandbox, which replays a seeded stream so that a
    ///   transcript replays to the same IDs (see `LabRandom`). Key material, data keys and nonces
    ///   always come from the CSPRNG.
    public init(home: HomeFolder, identifiers: RandomSource = SystemRandom()) throws {
        let random = SystemRandom()
        self.home = home
        try home.create()
        database = try AppDatabase(path: home.databasePath)
        let rootKey = try RootKeyFile.loadOrCreate(at: home.rootKeyPath)
        clock = HomeClock(database: database)
        iam = SQLiteIAMStore(database: database)
        profiles = Profiles(store: iam)
        let authorizer = PolicyAuthorizer(directory: IAMDirectory(store: iam))
        let kmsStore = SQLiteKMSStore(database: database)
        engine = KMSEngine(store: kmsStore, clock: clock, random: random, identifiers: identifiers, hsm: HSM(rootKey: rootKey),
                           authorizer: authorizer, policyValidator: authorizer)
        cloudTrail = CloudTrailService(store: SQLiteCloudTrailStore(database: database, kmsStore: kmsStore),
                                       identities: IAMDirectory(store: iam), clock: clock, hsm: engine.hsm, random: random,
                                       identifiers: identifiers)
        let serviceStore = SQLiteServiceStore(database: database)
        services = ServiceRegistry([
            KMSService(engine: engine),
            IAMService(store: iam, clock: clock),
            STSService(),
            S3Service(engine: engine, store: serviceStore),
            EC2Service(engine: engine, store: serviceStore),
            RDSService(engine: engine, store: serviceStore),
            DynamoDBService(engine: engine, store: serviceStore),
            cloudTrail,
        ])
    }
}

/// The simulated services by botocore name.
public struct ServiceRegistry: Sendable {
    private let byName: [String: SimulatedService]

    public init(_ services: [SimulatedService]) {
        byName = Dictionary(uniqueKeysWithValues: services.map { ($0.serviceName, $0) })
    }

    public func service(_ name: String) -> SimulatedService? { byName[name] }
}

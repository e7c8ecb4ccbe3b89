import Foundation
import KMSEngine

/// The plaintext data keys a service keeps for a while after KMS gave them to it, so it need not
/// call KMS for every request: S3's bucket keys, DynamoDB's table keys.
///
/// AWS keeps these in its own memory for a time-limited period. Here they are kept sealed under
/// the service's AWS owned key (never in plaintext, never in the account), each entry for one
/// principal: a principal's KMS permission is checked by a real KMS call when its entry is absent
/// or expired, so another user never rides on someone else's permission. Expired entries are
/// dropped when next seen.
public struct DataKeyCache: Sendable {
    /// How the key came to the service: a write reuses only a key KMS generated for that principal.
    public enum Purpose: String, Sendable {
        case generate
        case decrypt
    }

    struct Entry: Codable {
        var until: Date
    }

    let store: ServiceStore
    let owned: AWSOwnedKeyring
    let clock: Clock
    /// How long a key stays usable without asking KMS again.
    public let lifetime: TimeInterval

    static let kind = "key-cache"

    /// A cache kept in `store`, sealed under `owned`, entries living `lifetime` seconds of `clock`.
    public init(store: ServiceStore, owned: AWSOwnedKeyring, clock: Clock, lifetime: TimeInterval) {
        self.store = store
        self.owned = owned
        self.clock = clock
        self.lifetime = lifetime
    }

    private func recordKey(account: String, region: String, keyName: String, purpose: Purpose, principal: String) -> ServiceRecordKey {
        ServiceRecordKey(service: owned.service, kind: Self.kind, account: account, region: region,
                         name: "\(keyName)|\(purpose.rawValue)|\(principal)")
    }

    /// The cached plaintext of `keyName` for `principal`, if one of `purposes` put it there and it
    /// has not expired.
    public func lookup(account: String, region: String, keyName: String, principal: String,
                       purposes: [Purpose] = [.generate, .decrypt]) throws -> Data? {
        let now = clock.now()
        for purpose in purposes {
            let key = recordKey(account: account, region: region, keyName: keyName, purpose: purpose, principal: principal)
            guard let record = try store.record(key), let sealed = record.payload else { continue }
            if try record.decode(Entry.self).until <= now {
                try store.delete(key)
                continue
            }
            return try owned.unwrap(sealed, region: region, binding: key.name)
        }
        return nil
    }

    /// Keeps `plaintext` for `principal` until the lifetime runs out.
    public func remember(_ plaintext: Data, account: String, region: String, keyName: String, principal: String,
                         purpose: Purpose) throws {
        let key = recordKey(account: account, region: region, keyName: keyName, purpose: purpose, principal: principal)
        let sealed = try owned.wrap(plaintext, region: region, binding: key.name)
        try store.put(try ServiceRecord(key: key, encoding: Entry(until: clock.now().addingTimeInterval(lifetime)), payload: sealed))
    }

    /// Forgets every cached key whose name starts with `keyNamePrefix` (the resource is gone, or
    /// its key changed).
    public func forget(account: String, region: String, keyNamePrefix: String) throws {
        try store.deleteAll(service: owned.service, kind: Self.kind, account: account, region: region, prefix: keyNamePrefix)
    }
}

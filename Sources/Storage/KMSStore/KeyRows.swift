import Foundation
import KMSEngine
import Wire

/// Mapping between key, material and alias records and their rows.
enum KeyRows {
    static func values(_ k: KeyRecord) -> [SQLValue] {
        [
            .text(k.keyId), .text(k.accountId), .text(k.region), .text(k.description), .text(k.keyUsage.rawValue),
            .text(k.keySpec.rawValue), .text(k.origin.rawValue), .text(k.keyManager.rawValue), .text(k.keyState.rawValue),
            .date(k.creationDate), .optional(k.deletionDate), .optional(k.pendingDeletionWindowInDays), .text(k.policy),
            .text(tagsJSON(k.tags)), .bool(k.rotationEnabled), .optional(k.rotationPeriodInDays), .optional(k.nextRotationDate),
            .int(k.currentMaterialVersion), .int(k.onDemandRotationCount), .bool(k.multiRegion),
        ]
    }

    static func read(_ s: Statement) throws -> KeyRecord {
        func enumValue<E: RawRepresentable>(_ col: Int32, _ type: E.Type) throws -> E where E.RawValue == String {
            guard let v = E(rawValue: s.text(col)) else {
                throw StorageError(code: 11, message: "unexpected value '\(s.text(col))' in kms_keys", sql: nil)
            }
            return v
        }
        return KeyRecord(
            keyId: s.text(0), accountId: s.text(1), region: s.text(2), description: s.text(3),
            keyUsage: try enumValue(4, KeyUsage.self), keySpec: try enumValue(5, KeySpec.self),
            origin: try enumValue(6, OriginType.self), keyManager: try enumValue(7, KeyManager.self),
            keyState: try enumValue(8, KeyState.self), creationDate: s.date(9), policy: s.text(12),
            tags: try tags(s.text(13)), deletionDate: s.dateOrNil(10), pendingDeletionWindowInDays: s.intOrNil(11),
            rotationEnabled: s.int(14) != 0, rotationPeriodInDays: s.intOrNil(15), nextRotationDate: s.dateOrNil(16),
            currentMaterialVersion: s.int(17), onDemandRotationCount: s.int(18), multiRegion: s.int(19) != 0)
    }

    static func readMaterial(_ s: Statement) throws -> KeyMaterialRecord {
        KeyMaterialRecord(keyId: s.text(0), version: s.int(1), materialId: s.text(2), createdAt: s.date(3),
                          rotationType: s.textOrNil(4).flatMap(RotationType.init(rawValue:)), wrapped: s.blob(5))
    }

    static func readAlias(_ s: Statement) throws -> AliasRecord {
        AliasRecord(aliasName: s.text(0), accountId: s.text(1), region: s.text(2), targetKeyId: s.text(3),
                    creationDate: s.date(4), lastUpdatedDate: s.date(5))
    }

    static func tagsJSON(_ tags: [Tag]) -> String {
        JSONWriter.compact(.array(tags.map { ["TagKey": .string($0.TagKey), "TagValue": .string($0.TagValue)] }))
    }

    static func tags(_ text: String) throws -> [Tag] {
        try JSONValueDecoder().decode([Tag].self, from: try JSONParser.parse(text))
    }
}

/// Mapping between grant records and their rows.
enum GrantRows {
    static func values(_ g: GrantRecord) -> [SQLValue] {
        var constraints: SQLValue = .null
        if let c = g.constraints, let v = try? JSONValueEncoder().encode(c) { constraints = .text(JSONWriter.compact(v)) }
        return [
            .text(g.grantId), .text(g.keyId), .text(g.accountId), .text(g.region), .optional(g.name), .date(g.creationDate),
            .text(g.granteePrincipal), .optional(g.retiringPrincipal), .text(g.issuingAccount),
            .text(JSONWriter.compact(.array(g.operations.map { .string($0.rawValue) }))), constraints, .text(g.grantToken),
        ]
    }

    static func read(_ s: Statement) throws -> GrantRecord {
        let operations = try JSONValueDecoder().decode([GrantOperation].self, from: try JSONParser.parse(s.text(9)))
        let constraints = try s.textOrNil(10).map { try JSONValueDecoder().decode(GrantConstraints.self, from: try JSONParser.parse($0)) }
        return GrantRecord(
            grantId: s.text(0), keyId: s.text(1), accountId: s.text(2), region: s.text(3), name: s.textOrNil(4),
            creationDate: s.date(5), granteePrincipal: s.text(6), retiringPrincipal: s.textOrNil(7), issuingAccount: s.text(8),
            operations: operations, constraints: constraints, grantToken: s.text(11))
    }
}

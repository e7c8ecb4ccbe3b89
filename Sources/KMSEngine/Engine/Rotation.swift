import Foundation
import Wire

extension OperationScope {
    /// Makes new material the key's current version. Older versions stay, so everything they
    /// sealed still opens; the key ID and ARN do not change.
    func rotate(_ key: inout KeyRecord, type: RotationType, at date: Date) throws {
        let version = key.currentMaterialVersion + 1
        var material = try createMaterial(for: key, version: version, rotationType: type)
        material.createdAt = date
        try tx.insertMaterial(material)
        key.currentMaterialVersion = version
        if type == .onDemand { key.onDemandRotationCount += 1 }
        try tx.updateKey(key)
    }
}

extension KMSEngine {
    /// Carries out whatever fell due on the clock up to `now` — automatic rotations and the ends
    /// of deletion windows — each at the moment it was due and recorded with that time.
    ///
    /// Called before every operation and when the clock is moved. It is a write of its own: time
    /// passing changes state, exactly as in AWS, but reads never do.
    public func settleDueEvents(until now: Date) throws {
        guard let due = try store.read({ try $0.earliestDueDate() }), due <= now else { return }
        try store.write { tx in
            // Another process may have settled already; re-read inside the write.
            var processed = 0
            while let next = try tx.earliestDueDate(), next <= now {
                processed += 1
                if processed > 100_000 { break }  // a runaway schedule must never hang the program
                guard let key = try dueKey(at: next, tx: tx) else { break }
                try settle(key, at: next, tx: tx)
            }
        }
    }

    private func dueKey(at date: Date, tx: KMSTransaction) throws -> KeyRecord? {
        try tx.keyDue(at: date)
    }

    private func settle(_ keyAtDue: KeyRecord, at date: Date, tx: KMSTransaction) throws {
        var key = keyAtDue
        let service = Caller.kmsService(account: key.accountId)
        let scope = OperationScope(engine: self, tx: tx, context: RequestContext(caller: service, region: key.region),
                                   now: date, operation: "")
        if key.keyState == .pendingDeletion {
            try tx.deleteKey(id: key.keyId)
            forgetMaterial(keyId: key.keyId)
            try tx.appendAudit(serviceEvent("DeleteKey", key: key, at: date))
        } else {
            try scope.rotate(&key, type: .automatic, at: date)
            let period = Double(key.rotationPeriodInDays ?? 365) * 86400
            key.nextRotationDate = (key.nextRotationDate ?? date).addingTimeInterval(period)
            try tx.updateKey(key)
            var event = serviceEvent("RotateKey", key: key, at: date)
            if let m = try tx.material(keyId: key.keyId, version: key.currentMaterialVersion) {
                event.additionalEventData = ["keyMaterialId": .string(m.materialId)]
            }
            try tx.appendAudit(event)
        }
    }

    /// A record of something KMS did on its own, in the key owner's log.
    private func serviceEvent(_ name: String, key: KeyRecord, at date: Date) -> AuditEvent {
        AuditEvent(
            eventID: identifiers.timeOrderedUUID(at: date), requestID: identifiers.uuid(), eventTime: date, eventName: name, region: key.region,
            recipientAccountId: key.accountId, caller: .kmsService(account: key.accountId), invokedBy: "kms.amazonaws.com",
            sourceIPAddress: "kms.amazonaws.com", userAgent: "kms.amazonaws.com", requestParameters: .null,
            responseElements: .null, additionalEventData: .null, errorCode: nil, errorMessage: nil, resources: [key.arn],
            readOnly: false, eventType: "AwsServiceEvent")
    }
}

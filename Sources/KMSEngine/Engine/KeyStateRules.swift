/// Which key states each kind of operation accepts, and the error AWS gives otherwise
/// ("Key states of KMS keys" in the KMS Developer Guide).
enum KeyStateRule {
    /// Encrypt, Decrypt, ReEncrypt, GenerateDataKey*: only an enabled key.
    case cryptographic
    /// Enable/DisableKeyRotation, RotateKeyOnDemand, CreateGrant: enabled only; disabled gets
    /// DisabledException.
    case enabledOnly
    /// EnableKey, DisableKey, ScheduleKeyDeletion, UpdateKeyDescription, aliases, tags: enabled or
    /// disabled, not pending deletion.
    case notPendingDeletion
    /// CancelKeyDeletion: only a key pending deletion.
    case pendingDeletionOnly
    /// Describe, list, get policy, put policy, rotation status: any state.
    case any

    func check(_ key: KeyRecord) throws {
        let state = key.keyState
        switch self {
        case .any:
            return
        case .cryptographic, .enabledOnly:
            switch state {
            case .enabled: return
            case .disabled: throw KMSError(.disabled, "\(key.arn) is disabled.")
            case .unavailable: throw KMSError(.keyUnavailable, "\(key.arn) is unavailable.")
            default: throw Self.invalidState(key)
            }
        case .notPendingDeletion:
            if state == .enabled || state == .disabled { return }
            throw Self.invalidState(key)
        case .pendingDeletionOnly:
            if state == .pendingDeletion { return }
            throw KMSError(.kmsInvalidState, "\(key.arn) is not pending deletion.")
        }
    }

    static func invalidState(_ key: KeyRecord) -> KMSError {
        switch key.keyState {
        case .pendingDeletion: return KMSError(.kmsInvalidState, "\(key.arn) is pending deletion.")
        case .pendingImport: return KMSError(.kmsInvalidState, "\(key.arn) is pending import.")
        default: return KMSError(.kmsInvalidState, "\(key.arn) is in the \(key.keyState.rawValue) state.")
        }
    }
}

extension OperationScope {
    /// Refuses changes to an AWS managed key: AWS manages its policy, rotation, state and life.
    func requireCustomerManaged(_ key: KeyRecord, _ what: String) throws {
        if key.keyManager == .aws {
            throw KMSError(.unsupportedOperation,
                "\(key.arn) is an AWS managed key. You cannot \(what) of an AWS managed key; AWS manages it for the service that created it.")
        }
    }
}

import CLIGrammar
import CloudSim
import Foundation
import KMSEngine

/// Values Tab offers from the home's state: keys and aliases of the current profile's account
/// and Region, profiles, lessons, labs, files. Reads state directly, so completing never becomes
/// a KMS call in the audit log.
final class WorkbenchCompletions: CompletionProvider, @unchecked Sendable {
    unowned let runner: CommandRunner

    init(runner: CommandRunner) { self.runner = runner }

    func values(for kind: CompletionKind, prefix: String) -> [String] {
        let all: [String]
        switch kind {
        case .keyIdsAndAliases: all = keysAndAliases(includeKeys: true)
        case .aliases: all = keysAndAliases(includeKeys: false)
        case .profiles: all = (try? runner.workbench.profiles.names()) ?? []
        case .files: all = ((try? WorkingFolder(runner.workbench.home).list()) ?? []).map(\.name)
        case .lessons: all = runner.lessonIds()
        case .labs: all = runner.labIds()
        default: all = []
        }
        return all.filter { $0.hasPrefix(prefix) }
    }

    private func keysAndAliases(includeKeys: Bool) -> [String] {
        guard let context = try? runner.requestContext() else { return [] }
        let names = (try? runner.workbench.engine.store.read { tx -> [String] in
            var aliases = try tx.aliases(account: context.caller.accountId, region: context.region).map(\.aliasName)
            // The predefined AWS aliases exist before any service has used them.
            for service in AWSManagedService.allCases where !aliases.contains(service.aliasName) { aliases.append(service.aliasName) }
            let keys = includeKeys ? try tx.keys(account: context.caller.accountId, region: context.region).map(\.keyId) : []
            return aliases + keys
        }) ?? []
        return names
    }
}

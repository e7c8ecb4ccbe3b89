import CLIGrammar
import CloudSim
import Foundation
import KMSEngine
import Wire

/// `explain`: why a request would be allowed or denied, statement by statement.
enum ExplainCommand: CommandGroup {
    static let specs = [
        CommandSpec(
            name: "explain", summary: "Explain why a principal may or may not perform a KMS action on a key",
            description: """
                Evaluates the key policy, the principal's IAM policies and the key's grants exactly as \
                the engine does for a real request, and prints the decision with the statements that \
                decided it. With --output json it answers in the shape of aws iam simulate-custom-policy.
                """,
            options: [
                OptionSpec("principal", summary: "A profile name (alice, AppRole, root...) or a principal ARN", isRequired: true,
                           completion: .profiles),
                OptionSpec("action", summary: "The KMS action, e.g. kms:Decrypt", isRequired: true),
                OptionSpec("key-id", summary: "Key ID, key ARN, alias name or alias ARN (omit for actions on no key)",
                           completion: .keyIdsAndAliases),
                OptionSpec("encryption-context", .map, summary: "The request's encryption context: k=v,k2=v2"),
                OptionSpec("grant-tokens", .list(.string), summary: "Grant tokens the request would present"),
                OptionSpec("via-service", summary: "Pretend the request comes through a service, e.g. s3.us-east-1.amazonaws.com"),
                OptionSpec("output", .choice(["text", "json"]),
                           summary: "text (default): the decision and its reasons; json: aws iam simulate-custom-policy's shape"),
            ],
            examples: [
                ExampleSpec(title: "Why can't alice decrypt?", command: "explain --principal alice --action kms:Decrypt --key-id alias/app"),
            ]),
    ]

    static let handlers: [String: CommandHandler] = [
        "explain": { p, c in
            let principal = p.string("principal") ?? ""
            var context = try c.runner.requestContext(profile: try profileName(for: principal, c))
            context.viaService = p.string("via-service")
            var action = p.string("action") ?? ""
            if !action.contains(":") { action = "kms:" + action }
            let encryptionContext = p.json("encryption-context")?.objectValue.map { o in
                Dictionary(uniqueKeysWithValues: o.members.compactMap { m in m.value.stringValue.map { (m.key, $0) } })
            }
            let decision = try c.engine.explain(action: action, keyId: p.string("key-id"), context: context,
                                                encryptionContext: encryptionContext, grantTokens: p.strings("grant-tokens"))
            if p.string("output") == "json" {
                c.console.out(JSONWriter.pretty(["EvaluationResults": [decision.evaluationResult], "IsTruncated": false]) + "\n")
            } else {
                c.console.out(render(decision, caller: context.caller, action: action, color: c.console.color))
            }
            return decision.isAllowed ? ExitStatus.success : ExitStatus.failure
        },
    ]

    /// A profile name for a profile or an ARN that one of the profiles acts as.
    static func profileName(for principal: String, _ c: CommandContext) throws -> String {
        guard principal.hasPrefix("arn:") else { return principal }
        for name in try c.workbench.profiles.names() {
            let caller = try c.workbench.profiles.caller(for: name)
            if caller.arn == principal || caller.roleArn == principal { return name }
        }
        throw DrillError("no profile acts as \(principal); use a profile name (profile --list shows them)", status: ExitStatus.usage)
    }

    static func render(_ d: ExplainedDecision, caller: Caller, action: String, color: Bool) -> String {
        let verdict: String
        switch d.outcome {
        case "allowed": verdict = "ALLOWED"
        case "explicitDeny": verdict = "DENIED (explicit deny)"
        default: verdict = "DENIED (nothing allows it: implicit deny)"
        }
        var out = "\(verdict)\n  principal: \(caller.arn)\n  action:    \(action)\n"
        if let resource = d.evaluationResult["EvalResourceName"]?.stringValue { out += "  resource:  \(resource)\n" }
        out += "Why:\n"
        for reason in d.reasons { out += "  - \(reason)\n" }
        if !d.denialMessage.isEmpty { out += "AWS would answer: AccessDeniedException: \(d.denialMessage)\n" }
        return out
    }
}

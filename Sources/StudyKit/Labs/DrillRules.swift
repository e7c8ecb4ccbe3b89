import Foundation

/// What a drill must satisfy beyond its syntax: the questions and labs it names exist.
public enum DrillRules {
    /// Problems of `drill` against the course's question bank and `labs`.
    public static func check(_ drill: Drill, course: Course, labs: [Lab]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let facts = Set(course.facts.map(\.id))
        var seen: [String: SourceLocation] = [:]
        var sawLab = false
        for item in drill.items {
            switch item {
            case .say:
                continue
            case .question(let q):
                if let earlier = seen["q:" + q.id] {
                    found.append(.error("question '\(q.id)' is already asked at \(earlier)", at: q.location))
                }
                seen["q:" + q.id] = seen["q:" + q.id] ?? q.location
                switch q.source {
                case .bank(let id):
                    guard let question = course.question(id: id) else {
                        found.append(.error("no question '\(id)' in the bank; use a bank id, or write the question below its '--- question' line", at: q.location))
                        continue
                    }
                    if question.kind == .doIt && !sawLab {
                        found.append(.error("do-it question '\(id)' is read from a lab's sandbox; put a '--- lab' step before it", at: q.location))
                    }
                case .inline(let question):
                    if course.question(id: question.id) != nil {
                        found.append(.error("question id '\(question.id)' is a bank question's; give the question written here an id of its own, or leave its body empty to ask the bank's", at: q.location))
                    }
                    for fact in question.facts where !facts.contains(fact) {
                        found.append(.error("question '\(question.id)' names fact '\(fact)', which is not in the manifest's facts", at: q.location))
                    }
                }
            case .lab(let step):
                sawLab = true
                guard let lab = labs.first(where: { $0.id == step.labId }) else {
                    let known = labs.map(\.id).joined(separator: ", ")
                    found.append(.error("no lab '\(step.labId)'; the labs are: \(known)", at: step.location))
                    continue
                }
                for check in step.checks ?? [] where lab.check(id: check) == nil {
                    found.append(.error("lab '\(lab.id)' has no check '\(check)'; its checks are \(lab.checks.map(\.id).joined(separator: ", "))", at: step.location))
                }
                if let checks = step.checks, checks.isEmpty {
                    found.append(.error("checks= is empty; name at least one check or leave checks= out", at: step.location))
                }
                if let limit = step.timeLimit, let total = drill.timeLimit, limit > total {
                    found.append(.warning("the lab step allows \(DrillDuration.format(limit)) but the whole drill only \(DrillDuration.format(total))", at: step.location))
                }
            }
        }
        return found
    }

    /// Fact id to the drill ids that practise or ask it.
    public static func factCoverage(_ drills: [Drill], course: Course, labs: [Lab]) -> [String: [String]] {
        var coverage: [String: [String]] = [:]
        for drill in drills {
            var facts = Set<String>()
            for item in drill.items {
                switch item {
                case .say: break
                case .question(let q):
                    switch q.source {
                    case .bank(let id): facts.formUnion(course.question(id: id)?.facts ?? [])
                    case .inline(let question): facts.formUnion(question.facts)
                    }
                case .lab(let step): facts.formUnion(labs.first { $0.id == step.labId }?.facts ?? [])
                }
            }
            for fact in facts.sorted() { coverage[fact, default: []].append(drill.id) }
        }
        return coverage
    }
}

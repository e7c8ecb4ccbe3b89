import Wire

/// The compiled form of an expression: a tree the interpreter walks once per search.
indirect enum Node: Sendable {
    /// The current value unchanged (`@`, and the empty right side of a projection).
    case identity
    /// A member of an object; null for anything else.
    case field(String)
    case literal(JSONValue)
    /// Each step applied to the result of the one before: sub-expressions (`a.b`), index
    /// expressions (`a[0]`) and pipes (`a | b`), kept flat so long chains do not nest deeply.
    case chain([Node])
    case index(Int)
    case slice(start: Int?, stop: Int?, step: Int)
    /// Evaluates the right side on each element of the array the left side yields, dropping nulls.
    case projection(Node, Node)
    /// As `projection`, over the values of the object the left side yields (`*`).
    case valueProjection(Node, Node)
    /// As `projection`, over the elements for which the condition is truthy (`[?...]`).
    case filterProjection(Node, condition: Node, Node)
    /// The array the child yields with nested arrays merged one level (`[]`).
    case flatten(Node)
    case multiSelectList([Node])
    case multiSelectHash([(key: String, value: Node)])
    case or(Node, Node)
    case and(Node, Node)
    case not(Node)
    case compare(Comparator, Node, Node)
    /// A built-in function call; `position` is where its name starts, for runtime errors.
    case function(Builtin, [Node], position: Int)
    /// `&expr`: the expression itself, handed unevaluated to functions such as `sort_by`.
    case expref(Node)
}

/// The comparison operators of filter expressions.
enum Comparator: String, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

extension Node {
    /// Joins two steps into one flat chain (`a.b`, `a[0]`, `a | b` all apply left then right).
    static func chain(_ left: Node, _ right: Node) -> Node {
        var steps: [Node] = []
        for part in [left, right] {
            switch part {
            case .identity: continue
            case .chain(let inner): steps.append(contentsOf: inner)
            default: steps.append(part)
            }
        }
        if steps.isEmpty { return .identity }
        if steps.count == 1 { return steps[0] }
        return .chain(steps)
    }
}

import Wire

/// One lexical unit of an expression, with where it starts and ends (in Unicode scalars).
struct Token: Sendable {
    enum Kind: Sendable, Equatable {
        case unquotedIdentifier, quotedIdentifier, literal, number
        case dot, star, flatten, filter, lbracket, rbracket, lbrace, rbrace, lparen, rparen
        case comma, colon, current, expref, pipe, or, and, not
        case eq, ne, lt, lte, gt, gte
        case eof
    }

    let kind: Kind
    let start: Int
    let end: Int
    /// The identifier's name, for identifiers.
    var name: String = ""
    /// The value of a literal (`...` JSON or '...' raw string).
    var literal: JSONValue = .null
    /// The value of a number token (indexes and slice bounds).
    var number: Int = 0

    /// The Pratt binding power: how tightly the token binds to the expression on its left.
    var bindingPower: Int {
        switch kind {
        case .pipe: return BindingPower.pipe
        case .or: return BindingPower.or
        case .and: return BindingPower.and
        case .eq, .ne, .lt, .lte, .gt, .gte: return BindingPower.comparator
        case .flatten: return BindingPower.flatten
        case .star: return BindingPower.star
        case .filter: return BindingPower.filter
        case .dot: return BindingPower.dot
        case .not: return BindingPower.not
        case .lbrace: return BindingPower.lbrace
        case .lbracket: return BindingPower.lbracket
        case .lparen: return BindingPower.lparen
        default: return 0
        }
    }
}

/// Binding powers of the JMESPath grammar (the reference implementation's values).
///
/// Tokens below `projectionStop` end a projection: `a[*].b | c` applies `c` to the whole list,
/// while `a[*].b.c` applies `.c` to each element.
enum BindingPower {
    static let pipe = 1
    static let or = 2
    static let and = 3
    static let comparator = 5
    static let flatten = 9
    static let projectionStop = 10
    static let star = 20
    static let filter = 21
    static let dot = 40
    static let not = 45
    static let lbrace = 50
    static let lbracket = 55
    static let lparen = 60
}

extension Token.Kind {
    /// How the token kind is named in "expected ..." messages.
    var spelled: String {
        switch self {
        case .unquotedIdentifier, .quotedIdentifier: return "an identifier"
        case .literal: return "a literal"
        case .number: return "a number"
        case .dot: return "'.'"
        case .star: return "'*'"
        case .flatten: return "'[]'"
        case .filter: return "'[?'"
        case .lbracket: return "'['"
        case .rbracket: return "']'"
        case .lbrace: return "'{'"
        case .rbrace: return "'}'"
        case .lparen: return "'('"
        case .rparen: return "')'"
        case .comma: return "','"
        case .colon: return "':'"
        case .current: return "'@'"
        case .expref: return "'&'"
        case .pipe: return "'|'"
        case .or: return "'||'"
        case .and: return "'&&'"
        case .not: return "'!'"
        case .eq: return "'=='"
        case .ne: return "'!='"
        case .lt: return "'<'"
        case .lte: return "'<='"
        case .gt: return "'>'"
        case .gte: return "'>='"
        case .eof: return "the end of the expression"
        }
    }
}

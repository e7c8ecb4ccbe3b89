/// How to draw for a terminal: width, colour, and border characters.
public struct RenderOptions: Sendable, Equatable {
    /// Border characters for tables and callout frames.
    public enum Borders: Sendable, Equatable {
        /// Box-drawing characters (┌─┐).
        case unicode
        /// Plain ASCII (+-|), for terminals and logs that mangle box drawing.
        case ascii
    }

    /// The number of columns available; at least 20 is used whatever is asked.
    public var width: Int
    /// Whether to emit ANSI colour and bold.
    public var color: Bool
    public var borders: Borders

    public init(width: Int = 80, color: Bool = false, borders: Borders = .unicode) {
        self.width = max(20, width)
        self.color = color
        self.borders = borders
    }
}

/// The ANSI styles the renderer uses; empty strings when colour is off.
struct ANSI {
    let enabled: Bool

    static let reset = "\u{1B}[0m"

    func apply(_ codes: String, _ text: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(codes)m\(text)\(Self.reset)" : text
    }

    func bold(_ text: String) -> String { apply("1", text) }
    func dim(_ text: String) -> String { apply("2", text) }
    func code(_ text: String) -> String { apply("36", text) }
    func command(_ text: String) -> String { apply("32", text) }

    /// The colour of a callout's frame and label.
    func callout(_ kind: CalloutKind, _ text: String) -> String {
        switch kind {
        case .firstPrinciple: return apply("1;36", text)
        case .examTrap: return apply("1;31", text)
        case .reflection: return apply("1;35", text)
        case .today: return apply("1;32", text)
        case .beyondSource: return apply("1;34", text)
        case .tip: return apply("1;33", text)
        }
    }
}

/// The characters of one border style.
struct BorderSet {
    let horizontal, vertical, topLeft, topMid, topRight, midLeft, cross, midRight, bottomLeft, bottomMid, bottomRight,
        heavy, bullet: String

    static func forStyle(_ style: RenderOptions.Borders) -> BorderSet {
        switch style {
        case .unicode:
            return BorderSet(horizontal: "─", vertical: "│", topLeft: "┌", topMid: "┬", topRight: "┐",
                             midLeft: "├", cross: "┼", midRight: "┤", bottomLeft: "└", bottomMid: "┴",
                             bottomRight: "┘", heavy: "═", bullet: "•")
        case .ascii:
            return BorderSet(horizontal: "-", vertical: "|", topLeft: "+", topMid: "+", topRight: "+",
                             midLeft: "+", cross: "+", midRight: "+", bottomLeft: "+", bottomMid: "+",
                             bottomRight: "+", heavy: "=", bullet: "-")
        }
    }
}

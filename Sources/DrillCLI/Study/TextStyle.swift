/// ANSI bold, dim and colours, or plain text when the console has no colour.
struct TextStyle {
    let enabled: Bool

    func apply(_ code: String, _ text: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { apply("1", text) }
    func dim(_ text: String) -> String { apply("2", text) }
    func green(_ text: String) -> String { apply("32", text) }
    func red(_ text: String) -> String { apply("31", text) }
}

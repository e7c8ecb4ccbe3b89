/// A block of help text: what the model's HTML documentation becomes.
indirect enum DocBlock: Equatable {
    case paragraph(String)
    /// Items of a bulleted (`o`) or numbered list; each item is its own blocks.
    case list(ordered: Bool, items: [[DocBlock]])
    /// `NOTE:` or `WARNING:` with indented content.
    case admonition(String, [DocBlock])
    /// A term and its indented definition.
    case definition(term: String, body: [DocBlock])
    /// Lines kept exactly as written (commands, JSON).
    case code([String])
}

/// Reads AWS model documentation (a small, regular subset of HTML: `p`, `ul`/`ol`/`li`, `note`,
/// `important`, `dl`/`dt`/`dd`, and inline `code`, `a`, `i`, `b`) into blocks. Unknown tags are
/// dropped and their text kept; unclosed tags are closed at the end, so any input gives blocks.
enum HTMLText {
    static func blocks(_ html: String) -> [DocBlock] {
        var parser = Parser()
        parser.run(html)
        return parser.finish()
    }

    /// Plain text of a fragment, whitespace collapsed (for terms and one-line summaries).
    static func plain(_ html: String) -> String {
        var out = ""
        for block in blocks(html) {
            if case .paragraph(let p) = block {
                out += (out.isEmpty ? "" : " ") + p
            }
        }
        return out
    }

    private struct Frame {
        enum Kind { case root, item, admonition(String), term, definitionBody, list(Bool), definitionList }
        var kind: Kind
        var blocks: [DocBlock] = []
        var inline = ""
        var items: [[DocBlock]] = []
        var pendingTerm = ""
    }

    private struct Parser {
        var stack = [Frame(kind: .root)]

        /// Inside `<fullname>`: the service's name, which help pages leave out.
        var skipping = false

        mutating func run(_ html: String) {
            var i = html.startIndex
            while i < html.endIndex {
                if html[i] == "<", let close = html[i...].firstIndex(of: ">") {
                    let raw = String(html[html.index(after: i)..<close])
                    let name = raw.drop { $0 == "/" || $0.isWhitespace }.prefix { !$0.isWhitespace && $0 != "/" }.lowercased()
                    if name == "fullname" {
                        skipping = !raw.hasPrefix("/")
                    } else {
                        tag(raw)
                    }
                    i = html.index(after: close)
                } else {
                    let next = html[i...].firstIndex(of: "<") ?? html.endIndex
                    let end = next == i ? html.index(after: i) : next
                    if !skipping { text(String(html[i..<end])) }
                    i = end
                }
            }
        }

        mutating func finish() -> [DocBlock] {
            while stack.count > 1 { closeTop() }
            flush()
            return stack[0].blocks
        }

        private mutating func text(_ raw: String) {
            // Lists and definition lists hold items, not text: stray blanks between items are dropped.
            switch stack[stack.count - 1].kind {
            case .list, .definitionList:
                if raw.allSatisfy(\.isWhitespace) { return }
                open(.item)
            default: break
            }
            stack[stack.count - 1].inline += Entities.decode(raw)
        }

        private mutating func tag(_ raw: String) {
            let body = raw.drop { $0 == "/" || $0.isWhitespace }
            let name = String(body.prefix { !$0.isWhitespace }).lowercased()
            let closing = raw.hasPrefix("/")
            let selfClosing = raw.hasSuffix("/")
            switch name {
            case "p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6":
                flush()
            case "ul", "ol":
                if closing { closeUntil { if case .list = $0 { return true } else { return false } } }
                else if !selfClosing {
                    flush()
                    stack.append(Frame(kind: .list(name == "ol")))
                }
            case "li":
                if closing { closeUntil { if case .item = $0 { return true } else { return false } } }
                else { open(.item) }
            case "note", "important":
                if closing { closeUntil { if case .admonition = $0 { return true } else { return false } } }
                else {
                    flush()
                    stack.append(Frame(kind: .admonition(name == "note" ? "NOTE:" : "WARNING:")))
                }
            case "dl":
                if closing { closeUntil { if case .definitionList = $0 { return true } else { return false } } }
                else {
                    flush()
                    stack.append(Frame(kind: .definitionList))
                }
            case "dt":
                if closing { closeUntil { if case .term = $0 { return true } else { return false } } }
                else { openInDefinitionList(.term) }
            case "dd":
                if closing { closeUntil { if case .definitionBody = $0 { return true } else { return false } } }
                else { openInDefinitionList(.definitionBody) }
            default:
                break  // inline markup: keep the text only
            }
        }

        /// Opens a list item, inside the nearest list (making one if the HTML forgot it).
        private mutating func open(_ kind: Frame.Kind) {
            if case .item = stack[stack.count - 1].kind { closeTop() }
            if case .list = stack[stack.count - 1].kind {} else {
                flush()
                stack.append(Frame(kind: .list(false)))
            }
            stack.append(Frame(kind: kind))
        }

        private mutating func openInDefinitionList(_ kind: Frame.Kind) {
            switch stack[stack.count - 1].kind {
            case .term, .definitionBody: closeTop()
            default: break
            }
            if case .definitionList = stack[stack.count - 1].kind {} else {
                flush()
                stack.append(Frame(kind: .definitionList))
            }
            stack.append(Frame(kind: kind))
        }

        private mutating func closeUntil(_ matches: (Frame.Kind) -> Bool) {
            guard stack.dropFirst().contains(where: { matches($0.kind) }) else { return }
            while stack.count > 1 {
                let done = matches(stack[stack.count - 1].kind)
                closeTop()
                if done { return }
            }
        }

        private mutating func flush() {
            let text = collapse(stack[stack.count - 1].inline)
            stack[stack.count - 1].inline = ""
            if !text.isEmpty { stack[stack.count - 1].blocks.append(.paragraph(text)) }
        }

        private mutating func closeTop() {
            flush()
            let frame = stack.removeLast()
            var parent = stack.removeLast()
            switch frame.kind {
            case .root: break
            case .item:
                parent.items.append(frame.blocks)
            case .list(let ordered):
                if !frame.items.isEmpty { parent.blocks.append(.list(ordered: ordered, items: frame.items)) }
            case .admonition(let title):
                if !frame.blocks.isEmpty { parent.blocks.append(.admonition(title, frame.blocks)) }
            case .term:
                parent.pendingTerm = frame.blocks.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
                    .joined(separator: " ")
            case .definitionBody:
                parent.blocks.append(.definition(term: parent.pendingTerm, body: frame.blocks))
                parent.pendingTerm = ""
            case .definitionList:
                parent.blocks += frame.blocks
                if !frame.pendingTerm.isEmpty { parent.blocks.append(.paragraph(frame.pendingTerm)) }
            }
            stack.append(parent)
        }

        private func collapse(_ s: String) -> String {
            s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
    }
}

import Foundation
import Yams

/// Turns the text of one YAML file into a node tree, or diagnostics that say where it broke.
enum YAMLDocument {
    /// The root node of `text`, read as the file `file` (relative to the content folder).
    static func compose(_ text: String, file: String) -> (Node?, [Diagnostic]) {
        // libyaml's message for a tab in indentation ("found character that cannot start any
        // token") hides the cause; name it and the fix instead.
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            if indentation.contains("\t") {
                return (nil, [.error("tab character in indentation; indent with spaces",
                                     at: SourceLocation(file: file, line: lineNumber))])
            }
        }
        do {
            guard let root = try Yams.compose(yaml: text) else {
                return (nil, [.error("the file is empty; see Content/FORMAT.md for what it holds",
                                     at: SourceLocation(file: file, line: 1))])
            }
            return (root, [])
        } catch let error as YamlError {
            return (nil, [diagnostic(for: error, file: file)])
        } catch {
            return (nil, [.error("cannot read YAML: \(error)", at: SourceLocation(file: file, line: 0))])
        }
    }

    private static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func at(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line) }
        func phrase(_ problem: String, _ context: YamlError.Context?) -> String {
            guard let context else { return "YAML syntax error: \(problem)" }
            return "YAML syntax error: \(problem) (\(context.text) at line \(context.mark.line))"
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return .error(phrase(problem, context), at: at(mark.line))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return .error("field \(names) appears more than once in the same mapping; keep one", at: at(context.mark.line))
        case .reader(let problem, _, _, _):
            return .error("cannot read the file as UTF-8 text: \(problem)", at: at(0))
        default:
            return .error("cannot read YAML: \(error)", at: at(0))
        }
    }
}

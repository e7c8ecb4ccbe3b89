import Foundation
import Wire

@testable import CLIGrammar

/// Files beside the tests (read through `#filePath`, so no bundle resources are needed).
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONParser.parse(try text(path))
    }
}

/// A `FileReader` over an in-memory folder, failing like the real one for missing files.
func memoryReader(_ files: [String: [UInt8]]) -> FileReader {
    { path in
        guard let bytes = files[path] else { throw ParamFileError(path: path, reason: .notFound) }
        return bytes
    }
}

/// A stand-in for JMESPath in these tests: dotted member paths only (`KeyMetadata.KeyId`).
let dottedPathQuery: QueryEvaluator = { expression, value in
    var current = value
    for part in expression.split(separator: ".") {
        current = current[String(part)] ?? .null
    }
    return current
}

/// The grammar with one small drill command set, for tests.
let testGrammar = CommandLineGrammar(commands: [
    CommandSpec(name: "clock", summary: "Show or move the simulated clock",
                description: "The engine reads this clock.",
                subcommands: [
                    CommandSpec(name: "show", summary: "Print the simulated time"),
                    CommandSpec(name: "advance", summary: "Move the clock forward",
                                positionals: [PositionalSpec("duration", .duration, summary: "How far, e.g. 90d")]),
                    CommandSpec(name: "set", summary: "Set the clock",
                                positionals: [PositionalSpec("time", .timestamp, summary: "ISO 8601 time")]),
                ]),
    CommandSpec(name: "lab", summary: "Hands-on labs",
                subcommands: [
                    CommandSpec(name: "start", summary: "Start a lab",
                                options: [OptionSpec("timed", .flag, summary: "Count the time")],
                                positionals: [PositionalSpec("name", summary: "The lab", completion: .labs)]),
                    CommandSpec(name: "list", summary: "List labs",
                                options: [OptionSpec("status", .choice(["open", "done", "all"]), summary: "Which labs")]),
                ]),
    CommandSpec(name: "quiz", summary: "Answer questions",
                options: [
                    OptionSpec("count", .integer, summary: "How many questions"),
                    OptionSpec("topic", .string, summary: "Only this topic", isRepeatable: true, completion: .lessons),
                    OptionSpec("context", .map, summary: "Tags"),
                    OptionSpec("seed-blob", .blob, summary: "Bytes"),
                ]),
    CommandSpec(name: "exit", summary: "Leave", aliases: ["quit"]),
])

import Foundation
import Testing
import Wire

@testable import CLIGrammar

/// Drill commands declared with `CommandSpec` parse with the same conventions as AWS commands.
struct DrillCommandTests {
    func command(_ line: String) throws -> ParsedCommand {
        guard case .command(let c) = try testGrammar.parse(line: line, context: ParseContext(readFile: memoryReader(["ctx.json": Array("{\"a\": 1}".utf8)]))).0 else {
            throw CLIError(.usage, "not a drill command")
        }
        return c
    }

    func failure(_ line: String) -> String? {
        do {
            _ = try testGrammar.parse(line: line)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func subcommandsAndPositionals() throws {
        let advance = try command("clock advance 90d")
        #expect(advance.path == ["clock", "advance"])
        #expect(advance.duration("duration") == 7_776_000)
        #expect(try command("clock advance 1y2d").duration("duration") == 367 * 86_400)
        #expect(try command("clock advance 1.5h").duration("duration") == 5_400)
        #expect(try command("clock set 2026-01-01T00:00:00Z").timestamp("time") == Date(timeIntervalSince1970: 1_767_225_600))
        let start = try command("lab start envelope-encryption --timed")
        #expect(start.string("name") == "envelope-encryption")
        #expect(start.flag("timed"))
        #expect(try command("lab start x").flag("timed") == false)
        #expect(try command("lab start x --timed --no-timed").flag("timed") == false)
        #expect(try command("quit").path == ["exit"], "aliases give the canonical name")
    }

    @Test func optionTypes() throws {
        let quiz = try command("quiz --count 3 --topic kms --topic=ebs --context a=b,c=d --seed-blob aGk=")
        #expect(quiz.integer("count") == 3)
        #expect(quiz.strings("topic") == ["kms", "ebs"])
        #expect(quiz.json("context") == ["a": "b", "c": "d"])
        #expect(quiz.blob("seed-blob") == Array("hi".utf8))
        #expect(try command("quiz --context file://ctx.json").json("context") == ["a": 1])
        #expect(try command("quiz --context '{\"x\": [1, 2]}'").json("context") == ["x": [1, 2]])
        #expect(try command("lab list --status done").string("status") == "done")
    }

    @Test func errorsNameTheProblem() {
        #expect(failure("clock") == "the following arguments are required: subcommand (one of: show, advance, set)")
        #expect(failure("clock adv") == "unknown subcommand: clock adv; did you mean advance?")
        #expect(failure("clock advance") == "the following arguments are required: duration")
        #expect(failure("clock advance 3x") == "argument duration: invalid duration '3x': use a number and a unit: s, m, h, d, w or y (e.g. 90d, 12h, 1y, 1d12h)")
        #expect(failure("clock set tomorrow")?.hasPrefix("argument time: invalid timestamp 'tomorrow'") == true)
        #expect(failure("clock advance 1d 2d") == "unrecognized arguments: 2d")
        #expect(failure("lab list --status finished") == "argument --status: Invalid choice 'finished', valid choices are: open, done, all")
        #expect(failure("lab list --stat done") == "Unknown options: --stat, did you mean --status?")
        #expect(failure("quiz --count many") == "argument --count: invalid int value: 'many'")
        #expect(failure("quiz --count") == "argument --count: expected one argument")
        #expect(failure("quiz --seed-blob nope!") == "argument --seed-blob: Invalid base64: \"nope!\" (give base64 text, or fileb://PATH for a file's bytes)")
        #expect(failure("lab start x --timed=yes") == "argument --timed: ignored explicit argument 'yes'")
    }

    @Test func usageBlockShowsTheCommandSynopsis() {
        do {
            _ = try testGrammar.parse(line: "lab list --stat done")
        } catch {
            #expect(error.rendered == """
                usage: lab list [--status <value>]
                To see help text, you can run:

                  help
                  help lab
                  help lab list

                kmsdrill: error: Unknown options: --stat, did you mean --status?

                """)
        }
    }

    @Test func durationText() {
        #expect(DurationText.parse("45s") == 45)
        #expect(DurationText.parse("2w") == 1_209_600)
        #expect(DurationText.parse("1d12h") == 129_600)
        #expect(DurationText.parse("90 days") == nil, "one word only")
        #expect(DurationText.parse("90days") == 7_776_000)
        #expect(DurationText.parse("") == nil)
        #expect(DurationText.parse("d") == nil)
        #expect(DurationText.parse("10") == nil, "a unit is required")
        #expect(DurationText.parse("-5d") == nil)
    }
}

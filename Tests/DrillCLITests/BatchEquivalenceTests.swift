import Foundation
import Testing

/// Every command behaves the same in `-c`, in a script, and piped into standard input: the same
/// output and the same exit status; batch mode has no banner, no prompt and writes no history.
@Suite struct BatchEquivalenceTests {
    struct Run {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    static func kmsdrill(_ arguments: [String], stdin: String? = nil, home: String) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PTYDriver.binary)
        process.arguments = ["--home", home] + arguments
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                   status: process.terminationStatus)
    }

    func freshHome() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kmsdrill-batch-\(UUID().uuidString)").path
    }

    static let cases: [(String, Int32)] = [
        ("whoami", 0),
        ("kms list-aliases --query 'Aliases[].AliasName' --output text", 0),
        ("kms describe-key --key-id alias/missing", 254),
        ("kms describe-key", 252),
        ("kms list-keys --profile nobody", 255),
        ("explain --principal alice --action kms:CreateKey", 1),
        ("nonsense words", 252),
    ]

    @Test(arguments: cases.map(\.0))
    func sameEverywhere(_ command: String) throws {
        let expectedStatus = Self.cases.first { $0.0 == command }!.1
        let viaC = try Self.kmsdrill(["-c", command], home: freshHome())
        let viaPipe = try Self.kmsdrill([], stdin: command + "\n", home: freshHome())
        let scriptHome = freshHome()
        try FileManager.default.createDirectory(atPath: scriptHome, withIntermediateDirectories: true)
        let script = scriptHome + "/script.kmsdrill"
        try (command + "\n").write(toFile: script, atomically: true, encoding: .utf8)
        let viaScript = try Self.kmsdrill(["run", script], home: scriptHome)
        #expect(viaC.status == expectedStatus, "-c \(command): \(viaC.stderr)")
        for other in [viaPipe, viaScript] {
            #expect(other.status == viaC.status)
            #expect(other.stdout == viaC.stdout)
            #expect(other.stderr == viaC.stderr)
        }
        #expect(!viaPipe.stdout.contains("kmsdrill (default)>"), "no prompt in batch mode")
        #expect(!viaPipe.stdout.contains("KMS Drill ·"), "no banner in batch mode")
    }

    @Test func batchRules() throws {
        let home = freshHome()
        let script = """
            # comments and blank lines are skipped

            kms describe-key --key-id alias/missing
            kms create-key \\
                --description "continued over two lines" --query KeyMetadata.Description --output text
            whoami
            """
        let run = try Self.kmsdrill([], stdin: script, home: home)
        #expect(run.status == 254, "the last failing command's status")
        #expect(run.stdout.contains("continued over two lines"))
        #expect(run.stdout.contains("user/admin"))
        #expect(!FileManager.default.fileExists(atPath: home + "/history"), "batch mode writes no history")
        let bailed = try Self.kmsdrill(["--bail"], stdin: script, home: freshHome())
        #expect(bailed.status == 254)
        #expect(!bailed.stdout.contains("user/admin"), "--bail stops at the first failure")
        let several = try Self.kmsdrill(["-c", "whoami", "-c", "kms describe-key", "-c", "whoami"], home: freshHome())
        #expect(several.status == 252)
        #expect(several.stdout.components(separatedBy: "user/admin").count == 3)
    }

    @Test func commandWordsWork() throws {
        let run = try Self.kmsdrill(["kms", "list-aliases", "--query", "Aliases[0].AliasName", "--output", "text"], home: freshHome())
        #expect(run.status == 0)
        #expect(run.stdout == "alias/aws/dynamodb\n")
    }

    @Test func badHomeGetsAClearError() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kmsdrill-not-a-folder-\(UUID().uuidString)").path
        try "x".write(toFile: file, atomically: true, encoding: .utf8)
        let run = try Self.kmsdrill(["-c", "whoami"], home: file)
        #expect(run.status == 255)
        #expect(run.stderr.contains("is a file, not a folder"))
    }
}

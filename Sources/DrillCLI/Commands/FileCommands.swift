@preconcurrency import Crypto
import CLIGrammar
import Foundation
import Wire

/// `file ...`: helpers for the working folder, so an envelope-encryption round trip can be done
/// without leaving KMS Drill. These are KMS Drill helpers, not AWS commands.
enum FileCommands: CommandGroup {
    static let notAWS = "A KMS Drill helper for the working folder (not an AWS command)."

    static let specs = [
        CommandSpec(
            name: "file", summary: "Working-folder helpers: list, show, write, base64, local encrypt/decrypt (not AWS)",
            description: """
                \(notAWS) Files live in the home's working folder; fileb://NAME and > NAME use the same folder. \
                file encrypt and file decrypt do locally what an application does in envelope encryption: \
                AES-256-GCM with a plaintext data key (the output is nonce, ciphertext and tag).
                """,
            subcommands: [
                CommandSpec(name: "list", summary: "List the files in the working folder", aliases: ["ls"]),
                CommandSpec(name: "show", summary: "Print a file (text as is, binary as a hex dump)",
                            positionals: [PositionalSpec("name", summary: "File name", completion: .files)]),
                CommandSpec(name: "write", summary: "Write text into a file",
                            positionals: [PositionalSpec("name", summary: "File name", completion: .files),
                                          PositionalSpec("text", summary: "The text (quote it)", isVariadic: true)]),
                CommandSpec(name: "base64-decode", summary: "Decode base64 text (or one member of a JSON file) into bytes",
                            options: [OptionSpec("member", summary: "Read this member of a JSON file (e.g. Plaintext, CiphertextBlob)")],
                            positionals: [PositionalSpec("input", summary: "File holding base64 text or JSON", completion: .files),
                                          PositionalSpec("output", summary: "File to write the bytes to", completion: .files)],
                            examples: [ExampleSpec(title: "Keep the plaintext data key from generate-data-key output",
                                                   command: "file base64-decode datakey.json datakey.bin --member Plaintext")]),
                CommandSpec(name: "base64-encode", summary: "Encode a file's bytes as base64 text",
                            positionals: [PositionalSpec("input", completion: .files), PositionalSpec("output", completion: .files)]),
                CommandSpec(name: "encrypt", summary: "Encrypt a file locally with a 256-bit data key (AES-256-GCM)",
                            options: [OptionSpec("key", summary: "File holding the 32-byte plaintext data key", isRequired: true, completion: .files),
                                      OptionSpec("in", summary: "File to encrypt", isRequired: true, completion: .files),
                                      OptionSpec("out", summary: "Encrypted file to write", isRequired: true, completion: .files)]),
                CommandSpec(name: "decrypt", summary: "Decrypt a file made by file encrypt with the same data key",
                            options: [OptionSpec("key", summary: "File holding the 32-byte plaintext data key", isRequired: true, completion: .files),
                                      OptionSpec("in", summary: "Encrypted file", isRequired: true, completion: .files),
                                      OptionSpec("out", summary: "File to write the plaintext to", isRequired: true, completion: .files)]),
                CommandSpec(name: "rm", summary: "Delete files (e.g. the plaintext data key once used)",
                            positionals: [PositionalSpec("names", summary: "Files to delete", isVariadic: true, completion: .files)]),
            ]),
    ]

    static let handlers: [String: CommandHandler] = [
        "file list": { _, c in
            let files = try WorkingFolder(c.workbench.home).list()
            if files.isEmpty { c.console.out("(the working folder \(c.workbench.home.workPath) is empty)\n") }
            for f in files { c.console.out("\(String(f.size).leftPadded(8))  \(f.name)\n") }
            return ExitStatus.success
        },
        "file show": { p, c in
            let data = try WorkingFolder(c.workbench.home).read(p.string("name") ?? "")
            if let text = String(data: data, encoding: .utf8), !text.contains(where: { $0.isASCII && $0.asciiValue! < 9 }) {
                c.console.out(text.hasSuffix("\n") ? text : text + "\n")
            } else {
                c.console.out(HexDump.render(data))
            }
            return ExitStatus.success
        },
        "file write": { p, c in
            let text = p.strings("text").joined(separator: " ")
            try WorkingFolder(c.workbench.home).write(text + "\n", to: p.string("name") ?? "", append: false)
            return ExitStatus.success
        },
        "file base64-decode": { p, c in
            let folder = WorkingFolder(c.workbench.home)
            var text = String(decoding: try folder.read(p.string("input") ?? ""), as: UTF8.self)
            if let member = p.string("member") {
                guard let value = (try? JSONParser.parse(text))?[member]?.stringValue else {
                    throw DrillError("\(p.string("input") ?? "") has no string member \(member)", status: ExitStatus.usage)
                }
                text = value
            }
            guard let bytes = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw DrillError("\(p.string("input") ?? "") does not hold base64 text", status: ExitStatus.usage)
            }
            try folder.write(bytes, to: p.string("output") ?? "")
            c.console.out("wrote \(bytes.count) bytes to \(p.string("output") ?? "")\n")
            return ExitStatus.success
        },
        "file base64-encode": { p, c in
            let folder = WorkingFolder(c.workbench.home)
            try folder.write(try folder.read(p.string("input") ?? "").base64EncodedString() + "\n", to: p.string("output") ?? "", append: false)
            return ExitStatus.success
        },
        "file encrypt": { p, c in try crypt(p, c, encrypt: true) },
        "file decrypt": { p, c in try crypt(p, c, encrypt: false) },
        "file rm": { p, c in
            for name in p.strings("names") { try WorkingFolder(c.workbench.home).remove(name) }
            return ExitStatus.success
        },
    ]

    static func crypt(_ p: ParsedCommand, _ c: CommandContext, encrypt: Bool) throws -> Int32 {
        let folder = WorkingFolder(c.workbench.home)
        let keyBytes = try folder.read(p.string("key") ?? "")
        guard keyBytes.count == 32 else {
            throw DrillError("\(p.string("key") ?? "") holds \(keyBytes.count) bytes; a data key for AES-256 is 32 bytes (generate-data-key --key-spec AES_256, then file base64-decode --member Plaintext)",
                             status: ExitStatus.usage)
        }
        let key = SymmetricKey(data: keyBytes)
        let input = try folder.read(p.string("in") ?? "")
        let output: Data
        if encrypt {
            guard let combined = try AES.GCM.seal(input, using: key).combined else { throw DrillError("encryption failed") }
            output = combined
        } else {
            do {
                output = try AES.GCM.open(try AES.GCM.SealedBox(combined: input), using: key)
            } catch {
                throw DrillError("\(p.string("in") ?? "") cannot be decrypted with that key: wrong data key, or the file was altered",
                                 status: ExitStatus.failure)
            }
        }
        try folder.write(output, to: p.string("out") ?? "")
        c.console.out("\(encrypt ? "encrypted" : "decrypted") \(input.count) bytes into \(p.string("out") ?? "") (\(output.count) bytes)\n")
        return ExitStatus.success
    }
}

enum HexDump {
    static func render(_ data: Data) -> String {
        var out = ""
        let bytes = [UInt8](data.prefix(4096))
        for offset in stride(from: 0, to: bytes.count, by: 16) {
            let row = bytes[offset..<min(offset + 16, bytes.count)]
            let hex = row.map { String(format: "%02x", $0) }.joined(separator: " ")
            let ascii = String(row.map { $0 >= 32 && $0 < 127 ? Character(UnicodeScalar($0)) : "." })
            out += String(format: "%08x  ", offset) + hex.padding(toLength: 48, withPad: " ", startingAt: 0) + "  " + ascii + "\n"
        }
        if data.count > 4096 { out += "... (\(data.count) bytes in all)\n" }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

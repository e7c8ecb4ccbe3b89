import Foundation
import StudyKit
import Storage
import Wire

/// A lab's sandbox: a home folder of its own (database, HSM root key, working folder) under the
/// learner's home, so a lab never touches the learner's free-play keys.
///
/// Layout: `<home>/labs/<learner>/<lab-id>-<suffix>/` (one folder per sandbox, recorded with the
/// attempt), with `random.state` beside the database (see
/// `LabRandom`). Settings the lab keeps in the sandbox's own database, under `lab.`: the lab id,
/// the audit position where setup ended, whether it is a grading replay, the learner's answers.
enum LabSandbox {
    static let labSetting = "lab.id"
    static let setupAuditSetting = "lab.setup_audit_seq"
    static let gradingSetting = "lab.grading"
    static let answerPrefix = "lab.answer."

    /// A new folder for a sandbox of `labId` for `learner` under `home`:
    /// `<home>/labs/<learner>/<lab-id>-<suffix>`. Every sandbox gets a folder of its own, never a
    /// reused path: a database just closed may still have a thread finishing with its files.
    static func newFolder(home: HomeFolder, learner: String, labId: String) -> HomeFolder {
        let suffix = UUID().uuidString.lowercased().prefix(8)
        return HomeFolder(path: home.path + "/labs/" + safeName(learner) + "/" + labId + "-" + suffix)
    }

    /// Removes a sandbox that is no longer used (best effort: a leftover folder harms nothing).
    /// Only ever a folder under `<home>/labs/`: never the home itself or anything outside it.
    static func discard(_ path: String, home: HomeFolder) {
        let standardized = (path as NSString).standardizingPath
        guard standardized.hasPrefix(home.path + "/labs/"), standardized != home.path else { return }
        try? FileManager.default.removeItem(atPath: standardized)
    }

    /// A learner name as a folder name: letters, digits, `-`, `_`, `.`; anything else becomes `_`.
    static func safeName(_ name: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")
        let cleaned = String(name.map { allowed.contains($0) ? $0 : "_" })
        return cleaned.isEmpty || cleaned.hasPrefix(".") ? "_" + cleaned : cleaned
    }

    /// Opens an existing sandbox, its random stream resumed where it stopped.
    static func open(_ folder: HomeFolder, labId: String) throws -> Workbench {
        try Workbench(home: folder, identifiers: LabRandom(labId: labId, statePath: folder.path + "/random.state"))
    }

    /// Whether `folder` holds a sandbox of `labId`. (Its `random.state` may be missing: a sandbox
    /// that has drawn nothing yet starts its stream from the lab's seed.)
    static func exists(_ folder: HomeFolder, labId: String) -> Bool {
        guard FileManager.default.fileExists(atPath: folder.databasePath),
              let database = try? AppDatabase(path: folder.databasePath) else { return false }
        return (try? database.setting(labSetting)) == labId
    }

    /// Builds a fresh sandbox for `lab` in `folder` (removing whatever was there): clock, files,
    /// then the setup commands, each of which must succeed.
    static func create(_ lab: Lab, in folder: HomeFolder, contentPath: String, wall: Date, grading: Bool) throws -> Workbench {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder.path) {
            do { try fm.removeItem(atPath: folder.path) } catch {
                throw DrillError("cannot clear the old sandbox \(folder.path): \(error.localizedDescription)")
            }
        }
        do {
            try fm.createDirectory(atPath: folder.path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            // The clock goes in before anything reads it: a fresh database, then the workbench.
            try AppDatabase(path: folder.databasePath).startClock(at: lab.setup.clock.start, frozen: lab.setup.clock.frozen, wall: wall)
        } catch let e as DrillError {
            throw e
        } catch {
            throw DrillError("cannot create the sandbox for lab \(lab.id) in \(folder.path): \(error)")
        }
        let workbench = try open(folder, labId: lab.id)
        let working = WorkingFolder(folder)
        for file in lab.setup.files {
            try working.write(file.text, to: file.name, append: false)
        }
        let runner = CommandRunner(workbench: workbench, contentPath: contentPath)
        runner.session.profile = lab.setup.profile
        for command in lab.setup.commands {
            let console = BufferConsole()
            let status = runner.run(command.value, console: console)
            if status != ExitStatus.success {
                let why = console.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
                throw DrillError("the setup of lab \(lab.id) failed at \(command.location) (\(command.value)): \(why.isEmpty ? "exit status \(status)" : why)")
            }
        }
        let database = workbench.database
        try database.setSetting(labSetting, to: lab.id)
        try database.setSetting(setupAuditSetting, to: String(try database.latestAuditSequence()))
        if grading { try database.setSetting(gradingSetting, to: "1") }
        return workbench
    }

    /// Whether the sandbox is a grader's replay (lab commands in a transcript are then skipped).
    static func isGrading(_ workbench: Workbench) -> Bool {
        (try? workbench.database.setting(gradingSetting)) == "1"
    }

    /// The learner's answers to the lab's questions, by check id.
    static func answers(_ workbench: Workbench) throws -> [String: String] {
        var answers: [String: String] = [:]
        for (name, value) in try workbench.database.settings(prefix: answerPrefix) {
            answers[String(name.dropFirst(answerPrefix.count))] = value
        }
        return answers
    }
}

/// Throwaway copies of a sandbox for checks to run commands on: checking never changes what the
/// learner sees (no audit record, no state change in the live sandbox).
///
/// The live database is copied once with `VACUUM INTO`; each check then gets its own copy of that
/// snapshot, with the same HSM root key and working folder, so one check's commands cannot
/// influence the next.
final class SandboxCopies {
    let base: String
    private let source: HomeFolder
    private var count = 0

    init(of sandbox: Workbench) throws {
        source = sandbox.home
        base = NSTemporaryDirectory() + "kmsdrill-check-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try sandbox.database.snapshot(to: base + "/snapshot.sqlite")
        } catch {
            try? FileManager.default.removeItem(atPath: base)
            throw DrillError("cannot copy the sandbox to check it: \(error)")
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: base) }

    /// A fresh workbench on a new copy of the snapshot.
    func fresh() throws -> Workbench {
        count += 1
        let home = HomeFolder(path: base + "/copy-\(count)")
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: home.path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try fm.copyItem(atPath: base + "/snapshot.sqlite", toPath: home.databasePath)
            let key = try Data(contentsOf: URL(fileURLWithPath: source.rootKeyPath))
            guard fm.createFile(atPath: home.rootKeyPath, contents: key, attributes: [.posixPermissions: 0o600]) else {
                throw DrillError("cannot copy the sandbox's HSM root key")
            }
            if fm.fileExists(atPath: source.workPath) { try fm.copyItem(atPath: source.workPath, toPath: home.workPath) }
            return try Workbench(home: home)
        } catch let e as DrillError {
            throw e
        } catch {
            throw DrillError("cannot copy the sandbox to check it: \(error)")
        }
    }
}

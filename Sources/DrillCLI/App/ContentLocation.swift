import Foundation

/// Where the course content is: `--content DIR`, then `KMSDRILL_CONTENT`, then the `Content`
/// folder installed beside the program (or of the source checkout it was built in), then
/// `./Content`.
enum ContentLocation {
    static func resolve(option: String?, environment: [String: String], executable: String) -> String {
        if let option, !option.isEmpty { return (option as NSString).expandingTildeInPath }
        if let env = environment["KMSDRILL_CONTENT"], !env.isEmpty { return env }
        let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [
            exe.appendingPathComponent("Content").path,
            exe.appendingPathComponent("../share/kmsdrill/Content").standardized.path,
        ]
        // A build in a checkout: .build/<triple>/<config>/kmsdrill -> checkout/Content.
        var dir = exe
        for _ in 0..<4 {
            dir = dir.deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("Content").path)
        }
        candidates.append(FileManager.default.currentDirectoryPath + "/Content")
        for c in candidates where FileManager.default.fileExists(atPath: c + "/manifest.yaml") { return c }
        return FileManager.default.currentDirectoryPath + "/Content"
    }
}

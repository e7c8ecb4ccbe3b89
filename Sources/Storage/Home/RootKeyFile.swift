@preconcurrency import Crypto
import Foundation

/// The HSM root key of a home: 32 random bytes in a file only its owner can read.
///
/// It is what makes the wrapped key material in the database usable. It never enters the
/// database, logs or output. Losing it makes every key in the home unusable, exactly like
/// losing an HSM.
public enum RootKeyFile {
    public static let fileName = "hsm-root.key"

    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads the root key at `path`, creating it (mode 0600) if it does not exist yet.
    public static func loadOrCreate(at path: String) throws -> SymmetricKey {
        if FileManager.default.fileExists(atPath: path) { return try load(at: path) }
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for i in 0..<32 { bytes[i] = generator.next() }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        if fd < 0 {
            // Another process created it first: use theirs.
            if errno == EEXIST { return try load(at: path) }
            throw Failure(description: "cannot create the HSM root key file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, 32) }
        guard written == 32, fsync(fd) == 0 else {
            throw Failure(description: "cannot write the HSM root key file \(path): \(String(cString: strerror(errno)))")
        }
        return SymmetricKey(data: bytes)
    }

    static func load(at path: String) throws -> SymmetricKey {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw Failure(description: "cannot read the HSM root key file \(path): \(String(cString: strerror(errno)))")
        }
        if info.st_mode & 0o077 != 0 {
            throw Failure(description: String(format:
                "the HSM root key file %@ can be read by other users (mode %o); restrict it with: chmod 600 %@",
                path, info.st_mode & 0o777, path))
        }
        guard let data = FileManager.default.contents(atPath: path), data.count == 32 else {
            throw Failure(description: "the HSM root key file \(path) is damaged (it must hold exactly 32 bytes); without it the keys in this home cannot be used")
        }
        return SymmetricKey(data: data)
    }
}

/// An IPv4 or IPv6 CIDR block from an `IpAddress` / `NotIpAddress` condition.
///
/// A bare address means a single host (/32 or /128), as IAM reads it. Addresses of one family never
/// match a block of the other.
struct IPAddressRange: Sendable, Hashable {
    /// 4 or 16 bytes, with the host bits already cleared.
    let network: [UInt8]
    let prefixLength: Int

    init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddressRange.parseAddress(parts[0]) else { return nil }
        var prefix = address.count * 8
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].utf8.count <= 3, parts[1].allSatisfy(\.isASCII),
                  let p = Int(parts[1]), p >= 0, p <= address.count * 8
            else { return nil }
            prefix = p
        }
        network = IPAddressRange.mask(address, prefix)
        prefixLength = prefix
    }

    /// Whether `address` (an IP address string) lies in the block.
    func contains(_ address: String) -> Bool {
        guard let bytes = IPAddressRange.parseAddress(Substring(address)), bytes.count == network.count else {
            return false
        }
        return IPAddressRange.mask(bytes, prefixLength) == network
    }

    private static func mask(_ bytes: [UInt8], _ prefix: Int) -> [UInt8] {
        var out = bytes
        for i in 0..<out.count {
            let bitsHere = max(0, min(8, prefix - i * 8))
            out[i] &= bitsHere == 0 ? 0 : UInt8(truncatingIfNeeded: 0xFF << (8 - bitsHere))
        }
        return out
    }

    /// 4 bytes for dotted IPv4, 16 for IPv6 (with `::` compression and an optional trailing IPv4).
    static func parseAddress(_ text: Substring) -> [UInt8]? {
        if text.contains(":") { return parseIPv6(text) }
        return parseIPv4(text)
    }

    private static func parseIPv4(_ text: Substring) -> [UInt8]? {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var out: [UInt8] = []
        for o in octets {
            guard !o.isEmpty, o.utf8.count <= 3, o.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let v = Int(o), v <= 255
            else { return nil }
            out.append(UInt8(v))
        }
        return out
    }

    private static func parseIPv6(_ text: Substring) -> [UInt8]? {
        let halves = text.split(separator: ":", omittingEmptySubsequences: false)
        guard halves.count <= 9 else { return nil }
        // Split at the `::`, if any, into head and tail groups.
        let doubleColon = text.firstRange(of: "::")
        if let dc = doubleColon, text[dc.upperBound...].firstRange(of: "::") != nil { return nil }
        func groups(_ s: Substring) -> [Substring]? {
            if s.isEmpty { return [] }
            let g = s.split(separator: ":", omittingEmptySubsequences: false)
            return g.contains(where: \.isEmpty) ? nil : g
        }
        let head: [Substring]
        let tail: [Substring]
        if let dc = doubleColon {
            guard let h = groups(text[..<dc.lowerBound]), let t = groups(text[dc.upperBound...]) else { return nil }
            head = h
            tail = t
        } else {
            guard let all = groups(text) else { return nil }
            head = all
            tail = []
        }
        var words: [UInt16] = []
        var trailingV4: [UInt8]?
        let all = head + tail
        for (i, g) in all.enumerated() {
            if i == all.count - 1, g.contains(".") {
                guard let v4 = parseIPv4(g) else { return nil }
                trailingV4 = v4
                continue
            }
            guard g.utf8.count <= 4, let w = UInt16(g, radix: 16) else { return nil }
            words.append(w)
        }
        let needed = 8 - (trailingV4 == nil ? 0 : 2)
        if doubleColon == nil {
            guard words.count == needed else { return nil }
        } else {
            guard words.count < needed else { return nil }
        }
        // Re-split the parsed words into head and tail to insert the zeros of `::`.
        let headWords = Array(words.prefix(min(head.count, words.count)))
        let tailWords = Array(words.dropFirst(headWords.count))
        let zeros = [UInt16](repeating: 0, count: needed - words.count)
        var bytes: [UInt8] = []
        for w in headWords + zeros + tailWords {
            bytes.append(UInt8(w >> 8))
            bytes.append(UInt8(w & 0xFF))
        }
        if let v4 = trailingV4 { bytes += v4 }
        return bytes.count == 16 ? bytes : nil
    }
}

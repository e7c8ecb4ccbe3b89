/// How many terminal columns the AWS CLI's table output counts for a text: two for characters
/// whose East Asian Width is wide, fullwidth or ambiguous, one for the rest.
enum DisplayWidth {
    static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars {
            width += isWide(scalar.value) ? 2 : 1
        }
        return width
    }

    static func isWide(_ value: UInt32) -> Bool {
        guard value >= 0xA1 else { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}

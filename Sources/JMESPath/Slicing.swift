import Wire

/// Python-style slicing: negative bounds count from the end, out-of-range bounds are clamped,
/// and a negative step walks backwards.
enum Slicing {
    static func slice(_ array: [JSONValue], start: Int?, stop: Int?, step: Int) -> [JSONValue] {
        let count = array.count
        let from: Int
        let to: Int
        if step > 0 {
            from = start.map { clamp($0, count: count, low: 0, high: count) } ?? 0
            to = stop.map { clamp($0, count: count, low: 0, high: count) } ?? count
        } else {
            from = start.map { clamp($0, count: count, low: -1, high: count - 1) } ?? count - 1
            to = stop.map { clamp($0, count: count, low: -1, high: count - 1) } ?? -1
        }
        var result: [JSONValue] = []
        for i in stride(from: from, to: to, by: step) { result.append(array[i]) }
        return result
    }

    private static func clamp(_ bound: Int, count: Int, low: Int, high: Int) -> Int {
        let absolute = bound < 0 ? bound + count : bound
        return Swift.min(Swift.max(absolute, low), high)
    }
}

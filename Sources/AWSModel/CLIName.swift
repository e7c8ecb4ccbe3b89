/// The AWS CLI's rule for turning model names into command-line names.
///
/// It is botocore's `xform_name` with `-` as the separator: `CreateKey` -> `create-key`,
/// `CreateDBInstance` -> `create-db-instance`, `ListObjectsV2` -> `list-objects-v2`,
/// `GrantTokens` -> `grant-tokens`, a trailing plural acronym (`KeyARNs`) -> `key-arns`.
public enum CLIName {
    public static func from(_ name: String, separator: Character = "-") -> String {
        if name.contains(separator) { return name }
        var chars = Array(name)
        // A pluralised acronym at the end (`ARNs`) is split off as one word.
        var suffix: [Character] = []
        if chars.count >= 3, chars.last == "s" {
            var i = chars.count - 2
            while i >= 0, chars[i].isUppercase { i -= 1 }
            let capitals = chars.count - 2 - i
            if capitals >= 2 {
                suffix = [separator] + chars[(i + 1)...].map { Character($0.lowercased()) }
                chars = Array(chars[...i])
            }
        }
        // (.)([A-Z][a-z]+) -> \1-\2, scanning left to right without overlap.
        var step1: [Character] = []
        var i = 0
        while i < chars.count {
            if i + 2 <= chars.count - 1, chars[i + 1].isUppercase, chars[i + 2].isLowercase {
                step1.append(chars[i])
                step1.append(separator)
                var j = i + 1
                step1.append(chars[j])
                j += 1
                while j < chars.count, chars[j].isLowercase {
                    step1.append(chars[j])
                    j += 1
                }
                i = j
                continue
            }
            step1.append(chars[i])
            i += 1
        }
        // ([a-z0-9])([A-Z]) -> \1-\2, then lower-case.
        var out = ""
        i = 0
        while i < step1.count {
            let c = step1[i]
            out.append(c)
            if i + 1 < step1.count, c.isLowercase || c.isNumber, step1[i + 1].isUppercase {
                out.append(step1[i + 1])
                out.insert(separator, at: out.index(before: out.endIndex))
                i += 2
                continue
            }
            i += 1
        }
        return out.lowercased() + String(suffix)
    }
}

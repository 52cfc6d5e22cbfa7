import Foundation

/// Line layout for generated Swift, so that the output already is what `swift format` (with the
/// repository's `.swift-format`: 4-space indent, 120 columns, existing line breaks respected)
/// would write, and `make lint` passes on generated files.
enum Layout {
    /// The line length of `.swift-format`.
    static let lineLength = 120

    /// `label: value` plus `trailer` on one line when it fits, else with `value` on its own line.
    static func labeled(_ label: String, _ value: String, indent: String, trailer: String = "") -> String {
        let line = indent + label + ": " + value + trailer
        if line.count <= lineLength { return line }
        return indent + label + ":\n" + indent + "    " + value + trailer
    }

    /// `name = value` on one line when it fits, else with `value` on its own continuation line.
    static func assignment(_ head: String, _ value: String, indent: String) -> String {
        let line = indent + head + " = " + value
        if line.count <= lineLength { return line }
        return indent + head + " =\n" + indent + "    " + value
    }

    /// A call `head(arguments)` that ends with `trailer`: on one line when it fits; else the
    /// arguments on one line of their own; else one argument per line.
    static func call(_ head: String, _ arguments: [String], indent: String, trailer: String = "") -> String {
        let single = indent + head + "(" + arguments.joined(separator: ", ") + ")" + trailer
        if single.count <= lineLength { return single }
        let inner = indent + "    " + arguments.joined(separator: ", ")
        if inner.count <= lineLength {
            return indent + head + "(\n" + inner + "\n" + indent + ")" + trailer
        }
        return indent + head + "(\n"
            + arguments.map { indent + "    " + $0 }.joined(separator: ",\n")
            + "\n" + indent + ")" + trailer
    }

    /// A collection literal after `head` (e.g. `let x: Set<String> = `): on one line when it fits,
    /// else the elements filled into lines between the brackets, with a trailing comma when there
    /// is more than one element.
    static func collection(_ head: String, _ elements: [String], indent: String, trailer: String = "") -> String {
        let single = indent + head + "[" + elements.joined(separator: ", ") + "]" + trailer
        if single.count <= lineLength || elements.isEmpty { return single }
        let inner = indent + "    "
        var lines: [String] = []
        var line = ""
        for (index, element) in elements.enumerated() {
            let isLast = index == elements.count - 1
            let piece = element + (isLast && elements.count == 1 ? "" : ",")
            if (inner + piece).count > lineLength, let colon = element.range(of: "\": ") {
                // A dictionary element too long for a line of its own: the value goes on the next line.
                if !line.isEmpty { lines.append(line) }
                let key = String(element[..<element.index(after: colon.lowerBound)])
                let value = String(element[colon.upperBound...]) + (isLast && elements.count == 1 ? "" : ",")
                lines.append(inner + key + ":\n" + inner + "    " + value)
                line = ""
                continue
            }
            let candidate = line.isEmpty ? inner + piece : line + " " + piece
            if candidate.count > lineLength, !line.isEmpty {
                lines.append(line)
                line = inner + piece
            } else {
                line = candidate
            }
        }
        if !line.isEmpty { lines.append(line) }
        return indent + head + "[\n" + lines.joined(separator: "\n") + "\n" + indent + "]" + trailer
    }

    /// A statement that is one call, `head(arguments)`: as is when it fits, else broken as ``call``.
    static func statement(_ text: String, indent: String, trailer: String = "") -> String {
        let line = indent + text + trailer
        guard line.count > lineLength, let open = text.firstIndex(of: "("), text.hasSuffix(")") else { return line }
        let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)])
        return call(String(text[..<open]), topLevelArguments(inner), indent: indent, trailer: trailer)
    }

    /// `text` split at the commas that are not inside brackets or string literals.
    static func topLevelArguments(_ text: String) -> [String] {
        var arguments: [String] = []
        var current = ""
        var depth = 0
        var inString = false
        var escaped = false
        for character in text {
            if inString {
                current.append(character)
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
                continue
            }
            switch character {
            case "\"": inString = true
            case "(", "[": depth += 1
            case ")", "]": depth -= 1
            case "," where depth == 0:
                arguments.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        arguments.append(current.trimmingCharacters(in: .whitespaces))
        return arguments
    }
}

extension Swift {
    /// `loginByEmail` → `login-by-email`, `phoneNo2FA` → `phone-no2-fa`, `password_less_login` →
    /// `password-less-login`, `multipurposeSMSOTPGeneration` → `multipurpose-sms-otp-generation`:
    /// the command line's spelling of a catalogue name.
    static func kebab(_ name: String) -> String {
        let characters = Array(splitAcronymRuns(name))
        var result = ""
        for (index, character) in characters.enumerated() {
            if character == "_" || character == " " {
                if !result.hasSuffix("-") { result += "-" }
                continue
            }
            if character.isUppercase, index > 0 {
                let previous = characters[index - 1]
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let startsWord =
                    previous.isLowercase || previous.isNumber
                    || (previous.isUppercase && (next?.isLowercase ?? false) && !isPlural(characters, index + 1))
                if startsWord, !result.hasSuffix("-") { result += "-" }
            }
            result += character.lowercased()
        }
        return result
    }

    /// Whether `characters[index]` is the `s` of an acronym's plural (`UIDs`, `URLs`).
    private static func isPlural(_ characters: [Character], _ index: Int) -> Bool {
        guard index < characters.count, characters[index] == "s" else { return false }
        return index + 1 == characters.count || !characters[index + 1].isLowercase
    }

    /// `SMSOTP` inside a name becomes `SMS_OTP`: adjacent acronyms (``NamingRules/acronyms``) are
    /// separate words on the command line.
    private static func splitAcronymRuns(_ name: String) -> String {
        let acronyms = Set(NamingRules.acronyms.values.filter { $0 == $0.uppercased() }).sorted { $0.count > $1.count }
        let characters = Array(name)
        var result = ""
        var index = 0
        while index < characters.count {
            guard characters[index].isUppercase else {
                result.append(characters[index])
                index += 1
                continue
            }
            var end = index
            while end < characters.count, characters[end].isUppercase { end += 1 }
            // A capital followed by a lower-case letter starts the next word.
            if end < characters.count, characters[end].isLowercase, end - index > 1, !isPlural(characters, end) {
                end -= 1
            }
            var run = String(characters[index..<end])
            var pieces: [String] = []
            while let acronym = acronyms.first(where: { run.hasPrefix($0) }), run.count > acronym.count {
                pieces.append(acronym)
                run.removeFirst(acronym.count)
            }
            pieces.append(run)
            result += pieces.joined(separator: "_")
            index = end
        }
        return result
    }

    /// `loginByEmail` → `LoginByEmail`.
    static func upperCamel(_ name: String) -> String {
        name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The first sentence of `text` (up to the first `. ` or the end), as a sentence.
    static func firstSentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let range = trimmed.range(of: ". ") {
            return sentence(String(trimmed[..<range.lowerBound]))
        }
        return sentence(trimmed)
    }
}

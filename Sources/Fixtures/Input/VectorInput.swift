import Foundation

/// The vector input of `relax sort`: JSON or CSV, parsed strictly, with errors that name the
/// offending line or position (a fuzz target, `Fuzz/`).
public enum VectorInput {
    /// Why the input is not a batch of vectors (names the line or JSON position).
    public struct Error: Swift.Error, Equatable, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Parses JSON (a vector or a batch of vectors, numbers only) or CSV (one vector per line,
    /// decimal numbers only). A leading UTF-8 byte-order mark is ignored.
    public static func parse(_ bytes: [UInt8]) throws -> [[Double]] {
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let text = String(decoding: body, as: UTF8.self)
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Error(description: "no input: give a JSON array or CSV lines") }
        var rows: [[Double]]
        if trimmed.hasPrefix("[") {
            let value: JSONValue
            do { value = try JSONValue.parse(body) } catch { throw Error(description: "malformed JSON input: \(error)") }
            guard let items = value.arrayValue else { throw Error(description: "JSON input must be an array") }
            func number(_ v: JSONValue, _ at: String) throws -> Double {
                switch v {
                case .integer(let i): return Double(i)
                case .number(let d): return d
                default: throw Error(description: "JSON input \(at) is \(v.kindName), not a number (true/false, strings and null are not numbers)")
                }
            }
            if items.allSatisfy({ $0.arrayValue != nil }) && !items.isEmpty {
                rows = try items.enumerated().map { b, row in try row.arrayValue!.enumerated().map { try number($1, "[\(b)][\($0)]") } }
            } else {
                rows = [try items.enumerated().map { try number($1, "[\($0)]") }]
            }
        } else {
            rows = try trimmed.split(whereSeparator: \.isNewline).enumerated().compactMap { (lineNumber, line) -> [Double]? in
                let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                if fields.allSatisfy(\.isEmpty) { return nil }
                return try fields.map { field in
                    guard let v = decimal(field) else {
                        throw Error(description: "CSV line \(lineNumber + 1): '\(field)' is not a decimal number")
                    }
                    return v
                }
            }
        }
        guard let n = rows.first?.count, n >= 1 else { throw Error(description: "vectors must have at least one element") }
        for (b, row) in rows.enumerated() where row.count != n {
            throw Error(description: "vector \(b) has \(row.count) elements, the first has \(n): all vectors need the same length")
        }
        return rows
    }

    /// A comma-separated list of decimal numbers (`--p-k 0.5,0,0.5`): an empty entry
    /// (`0.5,,0.5`) is an error, not skipped.
    public static func decimalList(_ text: String) throws -> [Double] {
        try text.split(separator: ",", omittingEmptySubsequences: false).enumerated().map { i, part in
            let field = part.trimmingCharacters(in: .whitespaces)
            guard let v = decimal(field) else { throw Error(description: "entry \(i + 1) \"\(field)\" is not a decimal number") }
            return v
        }
    }

    /// A decimal number `[+-]digits[.digits][(e|E)[+-]digits]`; `nil` for anything else (Swift's
    /// `Double(_:)` would also read `0x10`, `inf` and `nan`).
    public static func decimal(_ s: String) -> Double? {
        var u = Substring(s).utf8[...]
        if let c = u.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { u = u.dropFirst() }
        let isDigit = { (c: UInt8) in c >= 0x30 && c <= 0x39 }
        let intDigits = u.prefix(while: isDigit).count
        u = u.dropFirst(intDigits)
        var fracDigits = 0
        if u.first == UInt8(ascii: ".") {
            u = u.dropFirst()
            fracDigits = u.prefix(while: isDigit).count
            u = u.dropFirst(fracDigits)
        }
        guard intDigits + fracDigits > 0 else { return nil }
        if let c = u.first, c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
            u = u.dropFirst()
            if let c = u.first, c == UInt8(ascii: "+") || c == UInt8(ascii: "-") { u = u.dropFirst() }
            let expDigits = u.prefix(while: isDigit).count
            guard expDigits > 0 else { return nil }
            u = u.dropFirst(expDigits)
        }
        guard u.isEmpty else { return nil }
        return Double(s)
    }

    public static func json(_ v: [Double]) -> String {
        "[" + v.map { $0.isFinite ? "\($0)" : "\"\($0.isNaN ? "NaN" : ($0 > 0 ? "Infinity" : "-Infinity"))\"" }.joined(separator: ", ") + "]"
    }
}

/// Writing JSON text: the inverse of ``JSONValue/parse(_:)-(String)`` for the documents this
/// package writes (fixture templates, family files, `relax verify --json`). The one JSON writer. Doubles are written in their shortest
/// round-trip form; non-finite doubles as the contract's strings `"NaN"`, `"Infinity"`,
/// `"-Infinity"`. Object keys are sorted, so output is deterministic.
extension JSONValue {
    /// Compact text, except that arrays of objects (e.g. `cases`) put one element per line.
    public var text: String {
        var out = ""
        write(into: &out, indent: "")
        return out
    }

    /// One line, no spaces (for `relax verify --json` and files written by tests).
    public func serialized() -> String {
        var out = ""
        write(into: &out, indent: "", compact: true)
        return out
    }

    /// A JSON value for a double (non-finite → the contract's strings).
    public static func double(_ d: Double) -> JSONValue {
        if d.isNaN { return .string("NaN") }
        if d.isInfinite { return .string(d > 0 ? "Infinity" : "-Infinity") }
        return .number(d)
    }

    /// A nested array of doubles of the given shape (row-major `values`).
    public static func tensor(_ values: [Double], shape: [Int]) -> JSONValue {
        guard let first = shape.first else { return double(values.first ?? 0) }
        let inner = shape.dropFirst().reduce(1, *)
        return .array((0..<first).map { k in tensor(Array(values[k * inner..<(k + 1) * inner]), shape: Array(shape.dropFirst())) })
    }

    /// A nested array of integers of the given shape.
    public static func integers(_ values: [Int], shape: [Int]) -> JSONValue {
        guard let first = shape.first else { return .integer(values.first ?? 0) }
        let inner = shape.dropFirst().reduce(1, *)
        return .array((0..<first).map { k in integers(Array(values[k * inner..<(k + 1) * inner]), shape: Array(shape.dropFirst())) })
    }

    func write(into out: inout String, indent: String, compact: Bool = false) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .integer(let i): out += String(i)
        case .number(let d):
            if d.isFinite {
                out += "\(d)"
            } else {
                out += d.isNaN ? "\"NaN\"" : (d > 0 ? "\"Infinity\"" : "\"-Infinity\"")
            }
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            let multiline = items.contains { if case .object = $0 { return true } else { return false } }
            out += "["
            for (k, item) in items.enumerated() {
                if k > 0 { out += compact ? "," : (multiline ? ",\n" + indent + " " : ", ") }
                item.write(into: &out, indent: indent + " ", compact: compact)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (k, key) in fields.keys.sorted().enumerated() {
                if k > 0 { out += compact ? "," : ", " }
                JSONValue.writeString(key, into: &out)
                out += compact ? ":" : ": "
                fields[key]!.write(into: &out, indent: indent + " ", compact: compact)
            }
            out += "}"
        }
    }

    static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}

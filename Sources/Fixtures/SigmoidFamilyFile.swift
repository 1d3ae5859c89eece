import Foundation
import SortingNetworks

/// Reading and writing of `relaxations-sigmoid/1` family files (a user-given piecewise rational
/// sigmoid, see `PiecewiseRationalSigmoid`) through the package's one JSON layer:
///
/// ```json
/// {"format": "relaxations-sigmoid/1", "name": "optimal",
///  "pieces": [{"range": "u < -1/4", "f": "-1/(16u)", "df": "1/(16u^2)"},
///             {"range": "-1/4 <= u <= 1/4", "f": "u + 1/2"},
///             {"range": "u > 1/4", "f": "1 - 1/(16u)"}]}
/// ```
///
/// `df` is optional (derived symbolically when omitted); other keys (`note`, …) are ignored.
/// Every problem is a `CustomSigmoidError`.
public enum SigmoidFamilyFile {
    public static let format = "relaxations-sigmoid/1"

    public static func load(_ path: String) throws(CustomSigmoidError) -> PiecewiseRationalSigmoid {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .malformedFile(reason: FileManager.default.fileExists(atPath: path) ? "cannot read \(path)" : "no such file: \(path)")
        }
        return try parse([UInt8](data), defaultName: URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent)
    }

    public static func parse(_ bytes: [UInt8], defaultName: String = "custom") throws(CustomSigmoidError) -> PiecewiseRationalSigmoid {
        let json: JSONValue
        do { json = try JSONValue.parse(bytes) } catch { throw .malformedFile(reason: error.description) }
        guard let object = json.objectValue else { throw .malformedFile(reason: "the top level must be an object, got \(json.kindName)") }
        guard object["format"]?.stringValue == format else {
            throw .malformedFile(reason: "\"format\" must be \"\(format)\"")
        }
        let name = object["name"]?.stringValue ?? defaultName
        guard name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }), !name.isEmpty else {
            throw .malformedFile(reason: "\"name\" may hold letters, digits, '-', '_' and '.' only")
        }
        guard let pieces = object["pieces"]?.arrayValue else { throw .malformedFile(reason: "\"pieces\" must be an array of objects") }
        var sources: [PiecewiseRationalSigmoid.PieceSource] = []
        for (k, piece) in pieces.enumerated() {
            guard let p = piece.objectValue else { throw .malformedFile(reason: "pieces[\(k)] must be an object, got \(piece.kindName)") }
            guard let range = p["range"]?.stringValue else { throw .malformedFile(reason: "pieces[\(k)].range must be a string such as \"u < 0\"") }
            guard let f = p["f"]?.stringValue else { throw .malformedFile(reason: "pieces[\(k)].f must be a string such as \"-1/(4u)\"") }
            var df: String? = nil
            if let value = p["df"], value != .null {
                guard let text = value.stringValue else { throw .malformedFile(reason: "pieces[\(k)].df must be a string or absent") }
                df = text
            }
            sources.append(.init(range: range, f: f, df: df))
        }
        return try PiecewiseRationalSigmoid(name: name, pieces: sources)
    }

    /// The family as a `relaxations-sigmoid/1` file (the pieces as the user wrote them).
    public static func text(_ family: PiecewiseRationalSigmoid) -> String {
        func quoted(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\"" }
        let pieces = family.pieces.map { p in
            "    {\"range\": \(quoted(p.source.range.trimmingCharacters(in: .whitespaces))), \"f\": \(quoted(p.source.f.trimmingCharacters(in: .whitespaces)))"
                + (p.source.df.map { ", \"df\": \(quoted($0.trimmingCharacters(in: .whitespaces)))" } ?? "") + "}"
        }
        return "{\n  \"format\": \"\(format)\",\n  \"name\": \(quoted(family.name)),\n  \"pieces\": [\n" + pieces.joined(separator: ",\n") + "\n  ]\n}\n"
    }
}

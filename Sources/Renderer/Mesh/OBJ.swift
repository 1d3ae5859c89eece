/// Wavefront OBJ reading: `v x y z` and `f i j k …` lines (`i`, `i/t`, `i//n`, `i/t/n`; negative
/// indices count back from the last vertex read); polygons are fanned into triangles; every
/// other line is ignored. Malformed input is a typed error naming the line.
extension TriangleMesh {
    public static func parseOBJ(_ text: String) throws(RendererError) -> TriangleMesh {
        var positions: [Double] = [], faces: [Int] = []
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let keyword = fields.first else { continue }
            switch keyword {
            case "v":
                guard fields.count >= 4 else { throw .objSyntax(line: lineNumber, reason: "a vertex needs three coordinates") }
                for k in 1...3 {
                    guard let x = Double(fields[k]) else { throw .objSyntax(line: lineNumber, reason: "'\(fields[k])' is not a number") }
                    guard x.isFinite else { throw .objSyntax(line: lineNumber, reason: "non-finite coordinate \(fields[k])") }
                    positions.append(x)
                }
            case "f":
                guard fields.count >= 4 else { throw .objSyntax(line: lineNumber, reason: "a face needs at least three vertices") }
                let count = positions.count / 3
                var indices: [Int] = []
                for field in fields.dropFirst() {
                    let first = field.split(separator: "/", omittingEmptySubsequences: false).first ?? ""
                    guard let i = Int(first) else { throw .objSyntax(line: lineNumber, reason: "'\(field)' is not a vertex index") }
                    let resolved = i > 0 ? i - 1 : count + i
                    guard i != 0, resolved >= 0, resolved < count else { throw .objIndexOutOfRange(line: lineNumber, index: i, vertexCount: count) }
                    indices.append(resolved)
                }
                for k in 1..<(indices.count - 1) { faces += [indices[0], indices[k], indices[k + 1]] }
            default:
                continue
            }
        }
        guard !positions.isEmpty else { throw .emptyMesh("the OBJ file has no vertices") }
        guard !faces.isEmpty else { throw .emptyMesh("the OBJ file has no faces") }
        return try TriangleMesh(positions: positions, faces: faces)
    }

    /// The mesh as OBJ text (`v` and `f` lines, 1-based).
    public func objText() -> String {
        var lines: [String] = []
        for v in 0..<vertexCount { lines.append("v \(positions[3 * v]) \(positions[3 * v + 1]) \(positions[3 * v + 2])") }
        for f in 0..<faceCount { lines.append("f \(faces[3 * f] + 1) \(faces[3 * f + 1] + 1) \(faces[3 * f + 2] + 1)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

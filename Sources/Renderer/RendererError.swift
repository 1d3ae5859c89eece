/// Every way a rendering request can be malformed. Each case names what is wrong; nothing in
/// the renderer traps on user input.
public enum RendererError: Error, Equatable, CustomStringConvertible {
    /// τ must be finite and > 0.
    case invalidScale(Double)
    /// An unknown distribution or T-conorm name; `known` lists the accepted ones.
    case unknownName(kind: String, name: String, known: [String])
    /// A parameter outside the domain of its distribution or T-conorm.
    case parameterOutOfDomain(owner: String, parameter: String, value: Double?, domain: String)
    /// The image size must be in 1...maximum.
    case invalidImageSize(Int, maximum: Int)
    /// A triangle array whose length is not a multiple of 6 (F × 3 vertices × (x, y)).
    case malformedTriangles(count: Int)
    /// A non-finite screen coordinate.
    case nonFiniteCoordinate(face: Int, vertex: Int)
    /// A screen coordinate beyond ±`limit` (``SilhouetteSettings/coordinateLimit``), where the
    /// distance computation (|e|², products of edge and offset) would overflow `Float`.
    case coordinateOutOfRange(face: Int, vertex: Int, value: Double, limit: Double)
    /// The cotangent image does not have size × size entries, or holds a non-finite value.
    case malformedCotangent(expected: Int, found: Int)
    /// A mesh without faces, or with no vertices.
    case emptyMesh(String)
    /// A malformed Wavefront OBJ line.
    case objSyntax(line: Int, reason: String)
    /// An OBJ face index that is zero or refers past the vertices read so far.
    case objIndexOutOfRange(line: Int, index: Int, vertexCount: Int)
    /// A camera that cannot be built (distance ≤ 0, eye on the up axis, field of view outside (0°, 90°), …).
    case invalidCamera(String)

    public var description: String {
        switch self {
        case .invalidScale(let t): return "the scale τ must be finite and > 0 (got \(t))"
        case .unknownName(let kind, let name, let known): return "unknown \(kind) '\(name)'; known: \(known.joined(separator: ", "))"
        case .parameterOutOfDomain(let owner, let parameter, let value, let domain):
            return "\(owner): parameter \(parameter) = \(value.map { "\($0)" } ?? "missing") is outside its domain (\(domain))"
        case .invalidImageSize(let n, let maximum): return "image size \(n) is outside 1...\(maximum)"
        case .malformedTriangles(let count): return "triangle array of \(count) numbers is not F × 3 × 2"
        case .nonFiniteCoordinate(let f, let v): return "face \(f), vertex \(v): non-finite screen coordinate"
        case .coordinateOutOfRange(let f, let v, let value, let limit):
            return "face \(f), vertex \(v): screen coordinate \(value) is beyond ±\(limit) (the squared distances would overflow)"
        case .malformedCotangent(let expected, let found): return "cotangent image needs \(expected) finite values, found \(found) (or a non-finite one)"
        case .emptyMesh(let why): return "empty mesh: \(why)"
        case .objSyntax(let line, let reason): return "OBJ line \(line): \(reason)"
        case .objIndexOutOfRange(let line, let index, let count): return "OBJ line \(line): vertex index \(index) is out of range (\(count) vertices so far)"
        case .invalidCamera(let why): return "invalid camera: \(why)"
        }
    }
}

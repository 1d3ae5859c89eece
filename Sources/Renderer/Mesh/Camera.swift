import RealModule

/// The GenDR/SoftRas camera (arXiv 2204.13845, Sec. 5): an eye at `distance` with `elevation`
/// and `azimuth` (degrees), looking at the origin with up = +y, and a perspective projection
/// with half field of view `viewAngle` (degrees): `x_ndc = x_cam/(z_cam·tan θ)`,
/// `y_ndc = y_cam/(z_cam·tan θ)`. `eye = (d cos e sin a, d sin e, −d cos e cos a)`.
public struct Camera: Sendable, Equatable {
    public var distance: Double
    public var elevation: Double
    public var azimuth: Double
    public var viewAngle: Double

    public init(distance: Double, elevation: Double = 0, azimuth: Double = 0, viewAngle: Double = 30) throws(RendererError) {
        guard distance.isFinite, distance > 0 else { throw .invalidCamera("distance must be finite and > 0 (got \(distance))") }
        guard elevation.isFinite, azimuth.isFinite else { throw .invalidCamera("angles must be finite") }
        guard viewAngle.isFinite, viewAngle > 0, viewAngle < 90 else { throw .invalidCamera("view angle must be in (0°, 90°) (got \(viewAngle))") }
        self.distance = distance
        self.elevation = elevation
        self.azimuth = azimuth
        self.viewAngle = viewAngle
    }

    /// The parameters as a vector (distance, elevation°, azimuth°, view angle°), the order of
    /// ``MeshSilhouette/Gradient/camera``.
    public var parameters: [Double] { [distance, elevation, azimuth, viewAngle] }

    /// Screen coordinates (x_ndc, y_ndc) and camera depth of every vertex, generic over the
    /// scalar so that ``Dual`` numbers give exact parameter derivatives (forward mode).
    static func project<S: CameraScalar>(_ positions: [Double], _ p: [S]) -> (xy: [S], z: [S]) {
        let degree = S(Double.pi / 180)
        let (d, e, a, theta) = (p[0], p[1] * degree, p[2] * degree, p[3] * degree)
        let eye = (d * e.cos() * a.sin(), d * e.sin(), S(0) - d * e.cos() * a.cos())
        func normalize(_ v: (S, S, S)) -> (S, S, S) {
            var n = (v.0 * v.0 + v.1 * v.1 + v.2 * v.2).squareRoot()
            if n.value < 1e-5 { n = S(1e-5) }
            return (v.0 / n, v.1 / n, v.2 / n)
        }
        let zAxis = normalize((S(0) - eye.0, S(0) - eye.1, S(0) - eye.2))
        // x = up × z with up = (0, 1, 0): (z.z, 0, −z.x)
        let xAxis = normalize((zAxis.2, S(0), S(0) - zAxis.0))
        let yAxis = normalize((zAxis.1 * xAxis.2 - zAxis.2 * xAxis.1, zAxis.2 * xAxis.0 - zAxis.0 * xAxis.2, zAxis.0 * xAxis.1 - zAxis.1 * xAxis.0))
        let width = theta.tan()
        var xy: [S] = [], z: [S] = []
        xy.reserveCapacity(positions.count / 3 * 2)
        for v in 0..<(positions.count / 3) {
            let q = (S(positions[3 * v]) - eye.0, S(positions[3 * v + 1]) - eye.1, S(positions[3 * v + 2]) - eye.2)
            let cx = xAxis.0 * q.0 + xAxis.1 * q.1 + xAxis.2 * q.2
            let cy = yAxis.0 * q.0 + yAxis.1 * q.1 + yAxis.2 * q.2
            let cz = zAxis.0 * q.0 + zAxis.1 * q.1 + zAxis.2 * q.2
            xy += [cx / (cz * width), cy / (cz * width)]
            z.append(cz)
        }
        return (xy, z)
    }

    /// Rotation rows (x, y, z axes) and eye, in Double.
    func frame() -> (x: (Double, Double, Double), y: (Double, Double, Double), z: (Double, Double, Double), eye: (Double, Double, Double)) {
        let r = Double.pi / 180
        let (d, e, a) = (distance, elevation * r, azimuth * r)
        let eye = (d * Double.cos(e) * Double.sin(a), d * Double.sin(e), -d * Double.cos(e) * Double.cos(a))
        func normalize(_ v: (Double, Double, Double)) -> (Double, Double, Double) {
            let n = max((v.0 * v.0 + v.1 * v.1 + v.2 * v.2).squareRoot(), 1e-5)
            return (v.0 / n, v.1 / n, v.2 / n)
        }
        let z = normalize((-eye.0, -eye.1, -eye.2))
        let x = normalize((z.2, 0, -z.0))
        let y = normalize((z.1 * x.2 - z.2 * x.1, z.2 * x.0 - z.0 * x.2, z.0 * x.1 - z.1 * x.0))
        return (x, y, z, eye)
    }
}

/// Scalars the camera projection is generic over: `Double` and forward-mode ``Dual`` numbers.
public protocol CameraScalar {
    init(_ value: Double)
    var value: Double { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    static func / (a: Self, b: Self) -> Self
    func squareRoot() -> Self
    func sin() -> Self
    func cos() -> Self
    func tan() -> Self
}

extension Double: CameraScalar {
    public var value: Double { self }
    public func sin() -> Double { Double.sin(self) }
    public func cos() -> Double { Double.cos(self) }
    public func tan() -> Double { Double.tan(self) }
}

/// A dual number `value + derivative·ε` (ε² = 0): forward-mode differentiation.
public struct Dual: CameraScalar, Sendable {
    public var value: Double
    public var derivative: Double
    public init(_ value: Double) { self.value = value; derivative = 0 }
    public init(_ value: Double, _ derivative: Double) { self.value = value; self.derivative = derivative }
    public static func + (a: Dual, b: Dual) -> Dual { Dual(a.value + b.value, a.derivative + b.derivative) }
    public static func - (a: Dual, b: Dual) -> Dual { Dual(a.value - b.value, a.derivative - b.derivative) }
    public static func * (a: Dual, b: Dual) -> Dual { Dual(a.value * b.value, a.derivative * b.value + a.value * b.derivative) }
    public static func / (a: Dual, b: Dual) -> Dual { Dual(a.value / b.value, (a.derivative * b.value - a.value * b.derivative) / (b.value * b.value)) }
    public func squareRoot() -> Dual { let s = value.squareRoot(); return Dual(s, derivative / (2 * s)) }
    public func sin() -> Dual { Dual(Double.sin(value), derivative * Double.cos(value)) }
    public func cos() -> Dual { Dual(Double.cos(value), -derivative * Double.sin(value)) }
    public func tan() -> Dual { let t = Double.tan(value); return Dual(t, derivative * (1 + t * t)) }
}

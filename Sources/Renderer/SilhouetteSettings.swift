import RealModule

/// Everything that defines one soft silhouette besides the triangles (arXiv 2204.13845, Sec. 3):
/// image size, smoothing distribution and scale τ, distance or squared distance, T-conorm, and
/// the upstream-compatibility switches.
public struct SilhouetteSettings: Sendable, Equatable {
    /// Largest accepted image side (65 536² pixels ≈ 34 GB of Double is already beyond memory).
    public static let maximumSize = 16_384

    public var size: Int
    public var distribution: SmoothingDistribution
    /// τ: NDC units, or NDC² when ``squaredDistance`` is on.
    public var scale: Double
    /// Apply `F` to `s·d²/τ` instead of `s·d/τ` (SoftRas and DIB-R are instances of this mode).
    public var squaredDistance: Bool
    public var tconorm: TConorm
    /// Upstream compatibility for `max`: the authors' backward gives gradient 1 to *every* face
    /// whose coverage equals the pixel's maximum. For tied faces that sum is not a (sub)gradient
    /// of the max (it doubles the derivative), so by default only the first tied face in face
    /// order — the one the left fold keeps — receives it.
    public var maximumGradientToAllTies: Bool
    /// Upstream compatibility for the T-conorm derivatives: floor their denominators at 1e-6 as
    /// the authors' kernel does (see ``TConorm/derivative(total:face:upstreamFloors:)``).
    public var upstreamDerivativeFloors: Bool

    public init(size: Int, distribution: SmoothingDistribution, scale: Double, squaredDistance: Bool = false,
                tconorm: TConorm, maximumGradientToAllTies: Bool = false, upstreamDerivativeFloors: Bool = false) throws(RendererError) {
        guard size >= 1 && size <= Self.maximumSize else { throw .invalidImageSize(size, maximum: Self.maximumSize) }
        guard scale.isFinite && scale > 0 else { throw .invalidScale(scale) }
        self.size = size
        self.distribution = distribution
        self.scale = scale
        self.squaredDistance = squaredDistance
        self.tconorm = tconorm
        self.maximumGradientToAllTies = maximumGradientToAllTies
        self.upstreamDerivativeFloors = upstreamDerivativeFloors
    }

    /// Checks a flat `F × 3 × 2` triangle array (x0, y0, x1, y1, x2, y2 per face); returns F.
    public func validate<T: BinaryFloatingPoint>(triangles: [T]) throws(RendererError) -> Int {
        guard triangles.count % 6 == 0 else { throw .malformedTriangles(count: triangles.count) }
        for (i, v) in triangles.enumerated() {
            guard v.isFinite else { throw .nonFiniteCoordinate(face: i / 6, vertex: (i % 6) / 2) }
            guard abs(v) <= T(Self.coordinateLimit) else {
                throw .coordinateOutOfRange(face: i / 6, vertex: (i % 6) / 2, value: Double(v), limit: Self.coordinateLimit)
            }
        }
        return triangles.count / 6
    }

    /// The largest |screen coordinate| accepted. The geometry forms |e|² + …, (p − a)·e and
    /// |r|² of coordinates up to M and pixel centres in [−1, 1]: all stay below 8(M + 1)² ≈ 8e36,
    /// finite in `Float` (max 3.4e38). Beyond it |e|² overflows, the reference's projection becomes
    /// ∞/∞ = NaN and the result would be meaningless (the OBJ fuzzer found such a mesh).
    public static let coordinateLimit = 1e18

    public func validate<T: BinaryFloatingPoint>(cotangent: [T]) throws(RendererError) {
        guard cotangent.count == size * size, cotangent.allSatisfy(\.isFinite) else {
            throw .malformedCotangent(expected: size * size, found: cotangent.count)
        }
    }
}

/// Image and gradient of a backward pass.
public struct SilhouetteGradient<T: BinaryFloatingPoint>: Sendable where T: Sendable {
    /// The forward silhouette, `size × size`, row 0 on top.
    public var image: [T]
    /// `∂(Σ cotangent · image)/∂triangles`, same layout as the triangles.
    public var triangles: [T]
}

/// The scalars the rasterizers compute in. The two requirements are the reference rasterizer
/// compiled for the scalar: a one-line shim each for `Float` and `Double` (below), so that calls
/// through the generic ``SoftRasterizer`` API (and from other modules) run specialised code without
/// type dispatch in the teaching code.
public protocol RendererScalar: Real, BinaryFloatingPoint, SIMDScalar, Codable, Sendable {
    static func referenceSilhouette(_ triangles: [Self], _ s: SilhouetteSettings) throws(RendererError) -> [Self]
    static func referenceGradient(_ triangles: [Self], _ s: SilhouetteSettings, cotangent: [Self]) throws(RendererError) -> SilhouetteGradient<Self>
}

extension Float: RendererScalar {
    public static func referenceSilhouette(_ t: [Float], _ s: SilhouetteSettings) throws(RendererError) -> [Float] { try ReferenceSoftRasterizer.silhouette(t, s) }
    public static func referenceGradient(_ t: [Float], _ s: SilhouetteSettings, cotangent: [Float]) throws(RendererError) -> SilhouetteGradient<Float> { try ReferenceSoftRasterizer.backward(t, s, cotangent: cotangent) }
}

extension Double: RendererScalar {
    public static func referenceSilhouette(_ t: [Double], _ s: SilhouetteSettings) throws(RendererError) -> [Double] { try ReferenceSoftRasterizer.silhouette(t, s) }
    public static func referenceGradient(_ t: [Double], _ s: SilhouetteSettings, cotangent: [Double]) throws(RendererError) -> SilhouetteGradient<Double> { try ReferenceSoftRasterizer.backward(t, s, cotangent: cotangent) }
}

/// The contract both soft rasterizers satisfy: forward silhouette and vector–Jacobian product
/// with respect to the screen-space triangles, generic over the scalar (`Float` or `Double`).
public protocol SoftRasterizer: Sendable {
    func render<T: RendererScalar>(_ triangles: [T], _ settings: SilhouetteSettings) throws(RendererError) -> [T]
    func gradient<T: RendererScalar>(_ triangles: [T], _ settings: SilhouetteSettings, cotangent: [T]) throws(RendererError) -> SilhouetteGradient<T>
}

/// The renderer implementations; tests, proofs, fixtures and benchmarks iterate this.
public enum RendererImplementation: String, CaseIterable, Sendable {
    case reference
    /// ``SIMDSoftRasterizer`` with its baseline (SSE2) kernels (named "optimized" like every method's fast implementation, so `relax check --implementation optimized` covers all).
    case optimized
    /// ``SIMDSoftRasterizer`` with its AVX2 + FMA kernels, chosen when the CPU has them (else the baseline ones).
    case optimizedAVX2 = "optimized-avx2"

    public var rasterizer: any SoftRasterizer {
        switch self {
        case .reference: return ReferenceSoftRasterizer()
        case .optimized: return SIMDSoftRasterizer(instructionSet: .baseline)
        case .optimizedAVX2: return SIMDSoftRasterizer(instructionSet: .avx2FMA)
        }
    }
}

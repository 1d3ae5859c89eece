import Renderer
import SortingNetworks

/// The two triangles of the published test vectors (NDC, counter-clockwise on screen).
let T1: [Double] = [-0.5, -0.5, 0.6, -0.5, -0.5, 0.6]
let T2: [Double] = [0.0, -0.8, 0.8, 0.4, -0.2, 0.3]

func settings(_ distribution: String, tau: Double, size: Int = 4, squared: Bool = false, tconorm: TConorm = .probabilistic,
              shape: Double? = nil, shift: Double = 0) throws -> SilhouetteSettings {
    try SilhouetteSettings(size: size, distribution: .named(distribution, shape: shape, shift: shift), scale: tau,
                           squaredDistance: squared, tconorm: tconorm)
}

func maxAbsDifference<T: BinaryFloatingPoint>(_ a: [T], _ b: [T]) -> Double {
    zip(a, b).map { Double(abs($0 - $1)) }.max() ?? 0
}

/// Pixel index of NDC centre (x, y) in an N = 4 image.
func pixel(_ x: Double, _ y: Double, size n: Int = 4) -> Int {
    let col = Int(((x * Double(n) + Double(n) - 1) / 2).rounded())
    let row = Int(((Double(n) - 1 - y * Double(n)) / 2).rounded())
    return row * n + col
}

/// A cotangent that selects one pixel.
func onePixel(_ x: Double, _ y: Double, size n: Int = 4) -> [Double] {
    var c = [Double](repeating: 0, count: n * n)
    c[pixel(x, y, size: n)] = 1
    return c
}

/// Seeded random triangles from the project's one generator (SplitMix64).
struct TestRandom {
    var generator: SplitMix64
    init(state: UInt64) { generator = SplitMix64(seed: state) }
    mutating func uniform(_ lo: Double, _ hi: Double) -> Double { Double.random(in: lo..<hi, using: &generator) }
    mutating func triangles(_ count: Int, spread: Double = 0.9, size: Double = 0.6) -> [Double] {
        var t: [Double] = []
        for _ in 0..<count {
            let cx = uniform(-spread, spread), cy = uniform(-spread, spread)
            for _ in 0..<3 { t += [cx + uniform(-size, size), cy + uniform(-size, size)] }
        }
        return t
    }
}

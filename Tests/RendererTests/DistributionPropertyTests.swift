import Renderer
import Testing

/// Every distribution with representative parameters (shape and shift where they apply).
let allDistributions: [SmoothingDistribution] = DistributionFamily.allCases.flatMap { family -> [SmoothingDistribution] in
    switch family {
    case .gamma, .gammaReversed:
        return [0.5, 2, 20].map { try! SmoothingDistribution(family, shape: $0) } + [try! SmoothingDistribution(family, shape: 2, shift: 0.7)]
    case .exponential, .exponentialReversed, .levy, .levyReversed:
        return [try! SmoothingDistribution(family), try! SmoothingDistribution(family, shift: 1), try! SmoothingDistribution(family, shift: -0.5)]
    default:
        return [try! SmoothingDistribution(family)]
    }
}

@Suite("Renderer distributions")
struct DistributionPropertyTests {
    /// A grid dense near 0 and reaching far into both tails.
    static let grid: [Double] = {
        var g: [Double] = []
        for i in -4000...4000 { g.append(Double(i) / 100) }
        for e in 2...15 { g += [-1e1, 1e1].map { $0 * pow10(e) } }
        return g.sorted()
    }()

    static func pow10(_ e: Int) -> Double { (0..<e).reduce(1.0) { x, _ in x * 10 } }

    @Test("CDFs are non-decreasing, in [0, 1], with limits 0 and 1", arguments: allDistributions)
    func cdfShape(_ d: SmoothingDistribution) {
        var previous = -1.0
        for u in Self.grid {
            let F = d.cdf(u)
            #expect(F >= 0 && F <= 1, "\(d): F(\(u)) = \(F)")
            #expect(F >= previous, "\(d): decreases at \(u)")
            previous = F
        }
        #expect(d.cdf(-1e15) <= 1e-7, "\(d): left limit \(d.cdf(-1e15))")
        #expect(d.cdf(1e15) >= 1 - 1e-7, "\(d): right limit \(d.cdf(1e15))")
    }

    @Test("symmetric families: F(−u) = 1 − F(u)", arguments: allDistributions.filter { $0.family.isSymmetric })
    func symmetry(_ d: SmoothingDistribution) {
        for u in Self.grid where abs(u) < 1e6 {
            #expect(abs(d.cdf(-u) - (1 - d.cdf(u))) <= 1e-14, "\(d) at \(u)")
        }
    }

    @Test("reversed families mirror the plain ones: F_rev(u) = 1 − F(−u)")
    func mirrors() throws {
        let pairs: [(DistributionFamily, DistributionFamily)] = [(.gumbelMax, .gumbelMin), (.exponential, .exponentialReversed), (.gamma, .gammaReversed), (.levy, .levyReversed)]
        for (plain, reversed) in pairs {
            for shift in [0.0, 1.0] where plain.takesShift || shift == 0 {
                let shape: Double? = plain.takesShape ? 2 : nil
                let a = try SmoothingDistribution(plain, shape: shape, shift: shift), b = try SmoothingDistribution(reversed, shape: shape, shift: shift)
                for u in stride(from: -20.0, through: 20, by: 0.37) {
                    #expect(abs(b.cdf(u) - (1 - a.cdf(-u))) <= 1e-12, "\(reversed) at \(u)")
                }
            }
        }
    }

    /// Density = derivative of the CDF, checked by central differences away from kinks.
    @Test("densities match central differences of the CDF", arguments: allDistributions)
    func densities(_ d: SmoothingDistribution) {
        let h = 1e-5
        var checked = 0
        for u in stride(from: -12.0, through: 12, by: 0.173) {
            let z = u + d.shift
            let nearKink = [abs(u) - 1, z, -u + d.shift].contains { abs($0) < 1e-3 }
            if nearKink { continue }
            let fd = (d.cdf(u + h) - d.cdf(u - h)) / (2 * h)
            let f = d.density(u)
            #expect(abs(f - fd) <= 1e-6 * (1 + abs(f)), "\(d): f(\(u)) = \(f), FD \(fd)")
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test("support radius: F(−r*) ≤ 1e-6 and F just inside r* is above it", arguments: allDistributions.filter { $0.family != .hard })
    func supportRadius(_ d: SmoothingDistribution) {
        guard let r = d.supportRadius else {
            #expect(d.family == .levyReversed, "\(d) has no finite radius")
            return
        }
        #expect(d.cdf(-r) <= SmoothingDistribution.coverageThreshold)
        #expect(d.cdf(-r * 10) <= SmoothingDistribution.coverageThreshold)
        if r > 0 { #expect(d.cdf(-r * 0.999) > SmoothingDistribution.coverageThreshold * 0.5, "\(d): r* = \(r) is needlessly large") }
    }
}

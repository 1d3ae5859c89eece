import Renderer
import Testing

/// The published test vectors (float64, independent NumPy evaluation of the paper's formulas).
@Suite("Renderer test vectors")
struct RendererVectorTests {
    static let tolerance = 1.5e-6

    func check(_ got: [Double], _ expected: [[Double]], _ label: String) {
        let flat = expected.flatMap { $0 }
        #expect(maxAbsDifference(got, flat) <= Self.tolerance, "\(label): \(got)")
    }

    @Test("TV1: one triangle, several distributions", arguments: RendererImplementation.allCases)
    func tv1(_ impl: RendererImplementation) throws {
        let r = impl.rasterizer
        check(try r.render(T1, settings("uniform", tau: 0.5)), [
            [0.208452, 0.217157, 0.000000, 0.000000], [0.250000, 0.570711, 0.217157, 0.000000],
            [0.250000, 0.750000, 0.570711, 0.217157], [0.146447, 0.250000, 0.250000, 0.208452]], "uniform")
        check(try r.render(T1, settings("logistic", tau: 0.1)), [
            [0.051394, 0.055807, 0.001720, 0.000050], [0.075858, 0.669762, 0.055807, 0.001720],
            [0.075858, 0.924142, 0.669762, 0.055807], [0.028318, 0.075858, 0.075858, 0.051394]], "logistic")
        check(try r.render(T1, settings("gaussian", tau: 0.1)), [
            [0.001776, 0.002339, 0.000000, 0.000000], [0.006210, 0.760250, 0.002339, 0.000000],
            [0.006210, 0.993790, 0.760250, 0.002339], [0.000203, 0.006210, 0.006210, 0.001776]], "gaussian")
        check(try r.render(T1, settings("cauchy", tau: 0.1)), [
            [0.105177, 0.108173, 0.049612, 0.032045], [0.121119, 0.695913, 0.108173, 0.049612],
            [0.121119, 0.878881, 0.695913, 0.108173], [0.087740, 0.121119, 0.121119, 0.105177]], "cauchy")
        check(try r.render(T1, settings("exponential_rev", tau: 0.1)), [
            [0.054178, 0.059106, 0.001723, 0.000050], [0.082085, 1.000000, 0.059106, 0.001723],
            [0.082085, 1.000000, 1.000000, 0.059106], [0.029143, 0.082085, 0.082085, 0.054178]], "exponential_rev")
        let e = try r.render(T1, settings("exponential", tau: 0.1))
        var expected = [Double](repeating: 0, count: 16)
        expected[5] = 0.506931; expected[10] = 0.506931; expected[9] = 0.917915
        #expect(maxAbsDifference(e, expected) <= Self.tolerance)
    }

    @Test("TV1: single pixels, remaining families", arguments: RendererImplementation.allCases)
    func tv1Pixels(_ impl: RendererImplementation) throws {
        let cases: [(String, Double, Double, Double)] = [
            ("laplace", 0.1, 0.753466, 0.029553), ("gudermannian", 0.1, 0.708373, 0.037584), ("reciprocal", 0.1, 0.707107, 0.130602),
            ("gumbel_max", 0.1, 0.610749, 0), ("gumbel_min", 0.1, 0.868417, 0.057393),
            ("cubic_hermite", 0.5, 0.605359, 0.120991), ("wigner_semicircle", 0.5, 0.589731, 0.160128),
        ]
        for (name, tau, inside, outside) in cases {
            let img = try impl.rasterizer.render(T1, settings(name, tau: tau))
            #expect(abs(img[pixel(-0.25, 0.25)] - inside) <= Self.tolerance, "\(name) inside")
            #expect(abs(img[pixel(0.25, 0.25)] - outside) <= Self.tolerance, "\(name) outside")
        }
    }

    @Test("TV2: two triangles, every T-conorm", arguments: RendererImplementation.allCases)
    func tv2(_ impl: RendererImplementation) throws {
        let pixels: [(Double, Double)] = [(-0.25, 0.25), (0.25, 0.25), (-0.25, -0.25), (0.25, -0.25), (0.75, -0.75)]
        let table: [(TConorm, [Double])] = [
            (.maximum, [0.669762, 0.720166, 0.924142, 0.725264, 0.051394]),
            (.probabilistic, [0.788190, 0.735783, 0.938256, 0.909272, 0.053827]),
            (.einstein, [0.829211, 0.745992, 0.947315, 0.938934, 0.053952]),
            (.hamacher(0.5), [0.759282, 0.730364, 0.932448, 0.880167, 0.053765]),
            (.hamacher(2), [0.829211, 0.745992, 0.947315, 0.938934, 0.053952]),
            (.frank(2), [0.805914, 0.739600, 0.942137, 0.924183, 0.053866]),
            (.yager(1), [1, 0.775973, 1, 1, 0.053959]),
            (.yager(2), [0.759727, 0.722325, 0.942686, 0.987212, 0.051458]),
            (.aczelAlsina(0.5), [0.947922, 0.846161, 0.985622, 0.991710, 0.075604]),
            (.aczelAlsina(2), [0.696885, 0.720528, 0.924762, 0.817673, 0.051453]),
            (.dombi(2), [0.677812, 0.720219, 0.924154, 0.768999, 0.051449]),
            (.schweizerSklar(-2), [0.692858, 0.721490, 0.924253, 0.783922, 0.053585]),
        ]
        for (tconorm, values) in table {
            let img = try impl.rasterizer.render(T1 + T2, settings("logistic", tau: 0.1, tconorm: tconorm))
            for (p, v) in zip(pixels, values) {
                #expect(abs(img[pixel(p.0, p.1)] - v) <= Self.tolerance, "\(tconorm) at \(p)")
            }
        }
        check(try impl.rasterizer.render(T1 + T2, settings("logistic", tau: 0.1, tconorm: .einstein)), [
            [0.052211, 0.066458, 0.019185, 0.028455], [0.079813, 0.829211, 0.745992, 0.398915],
            [0.077515, 0.947315, 0.938934, 0.095159], [0.029000, 0.160290, 0.215063, 0.053952]], "einstein image")
        check(try impl.rasterizer.render(T1 + T2, settings("logistic", tau: 0.1, tconorm: .maximum)), [
            [0.051394, 0.055807, 0.017466, 0.028405], [0.075858, 0.669762, 0.720166, 0.397468],
            [0.075858, 0.924142, 0.725264, 0.055807], [0.028318, 0.085471, 0.141514, 0.051394]], "max image")
    }

    @Test("TV3: squared mode and asymmetric families", arguments: RendererImplementation.allCases)
    func tv3(_ impl: RendererImplementation) throws {
        let rows: [(SilhouetteSettings, Double, Double)] = [
            (try settings("logistic", tau: 0.01, squared: true), 0.622459, 0.000335),
            (try settings("exponential_rev", tau: 0.01, squared: true), 1, 0.000335),
            (try settings("gaussian", tau: 0.01, squared: true), 0.691462, 0),
            (try settings("gamma_rev", tau: 0.1, shape: 2), 1, 0.226282),
            (try settings("gamma", tau: 0.1, shape: 2), 0.158279, 0),
            (try settings("gamma_rev", tau: 0.1, shape: 0.5), 1, 0.017387),
            (try settings("levy_rev", tau: 0.1), 1, 0.447891),
            (try settings("levy", tau: 0.1), 0.234358, 0),
            (try settings("exponential_rev", tau: 0.1, shift: 1), 0.746102, 0.021744),
            (try settings("exponential", tau: 0.1, shift: 1), 0.818610, 0),
        ]
        for (s, inside, outside) in rows {
            let img = try impl.rasterizer.render(T1, s)
            #expect(abs(img[pixel(-0.25, 0.25)] - inside) <= Self.tolerance, "\(s.distribution) inside")
            #expect(abs(img[pixel(0.25, 0.25)] - outside) <= Self.tolerance, "\(s.distribution) outside")
        }
    }

    @Test("TV3: gamma CDF, accurate by default, the authors' series on request")
    func gamma() {
        let rows: [(Double, Double, Double, Double)] = [
            (0.5, 10.0, 0.999992256, 0.999992242), (0.5, 14.9, 0.999999952, 0.999946479), (2, 14.9, 0.999994625, 0.999979416),
            (2, 15.1, 0.999995544, 1), (20, 14.9, 0.119280952, 0.119280952), (20, 15.1, 0.130430119, 1),
        ]
        for (k, z, exact, kernel) in rows {
            #expect(abs(IncompleteGamma.lower(k, z) - exact) <= 1e-9, "P(\(k), \(z))")
            #expect(abs(IncompleteGamma.lower(k, z, upstream: true) - kernel) <= 1e-9, "kernel P(\(k), \(z))")
        }
    }

    @Test("TV3: gradients of the vertices", arguments: RendererImplementation.allCases)
    func gradients(_ impl: RendererImplementation) throws {
        let r = impl.rasterizer
        func grad(_ t: [Double], _ s: SilhouetteSettings, _ x: Double, _ y: Double) throws -> [Double] {
            try r.gradient(t, s, cotangent: onePixel(x, y)).triangles
        }
        let cases: [([Double], SilhouetteSettings, (Double, Double), [Double])] = [
            (T1, try settings("logistic", tau: 0.1), (0.25, 0.25), [0, 0, 0.186297, 0.186297, 0.186297, 0.186297]),
            (T1, try settings("logistic", tau: 0.1), (-0.25, 0.25), [0, 0, 0.426542, 0.426542, 1.137444, 1.137444]),
            (T1, try settings("logistic", tau: 0.01, squared: true), (0.25, 0.25), [0, 0, 0.006705, 0.006705, 0.006705, 0.006705]),
            (T1, try settings("uniform", tau: 0.5), (-0.25, 0.25), [0, 0, 0.192847, 0.192847, 0.514259, 0.514259]),
            (T1 + T2, try settings("logistic", tau: 0.1), (0.25, -0.25),
             [0, 0, 0.312497, 0.312497, 0.117186, 0.117186, 0.321133, -0.214089, 0.226373, -0.150915, 0, 0]),
            (T1 + T2, try settings("logistic", tau: 0.1, tconorm: .einstein), (0.25, -0.25),
             [0, 0, 0.244235, 0.244235, 0.091588, 0.091588, 0.242910, -0.161940, 0.171232, -0.114155, 0, 0]),
        ]
        for (t, s, p, expected) in cases {
            let g = try grad(t, s, p.0, p.1)
            #expect(maxAbsDifference(g, expected) <= 2e-6, "\(s.distribution) \(s.tconorm) at \(p): \(g)")
        }
    }
}

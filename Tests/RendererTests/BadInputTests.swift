import Renderer
import Testing

@Suite("Renderer bad input")
struct RendererBadInputTests {
    @Test("typed errors for scale, size, names, parameters, triangles, cotangents", arguments: RendererImplementation.allCases)
    func errors(_ impl: RendererImplementation) throws {
        let d = try SmoothingDistribution.named("logistic")
        for tau in [0, -1, .nan, .infinity] {
            // RendererError's Equatable cannot match invalidScale(.nan), so the case is checked by pattern.
            let error = #expect(throws: RendererError.self) {
                try SilhouetteSettings(size: 4, distribution: d, scale: tau, tconorm: .probabilistic)
            }
            if case .invalidScale = error {} else { Issue.record("τ = \(tau): expected invalidScale, got \(String(describing: error))") }
        }
        #expect(throws: RendererError.self) { try SilhouetteSettings(size: 0, distribution: d, scale: 0.1, tconorm: .maximum) }
        #expect(throws: RendererError.self) { try SilhouetteSettings(size: 1 << 20, distribution: d, scale: 0.1, tconorm: .maximum) }
        #expect(throws: RendererError.self) { try SmoothingDistribution.named("gauss") }
        #expect(throws: RendererError.self) { try SmoothingDistribution.named("gamma") }
        #expect(throws: RendererError.self) { try SmoothingDistribution.named("gamma", shape: -1) }
        #expect(throws: RendererError.self) { try SmoothingDistribution.named("logistic", shift: 1) }
        #expect(throws: RendererError.self) { try SmoothingDistribution.named("levy", shift: .nan) }
        let s = try settings("logistic", tau: 0.1)
        #expect(throws: RendererError.malformedTriangles(count: 5)) { try impl.rasterizer.render([0, 0, 1, 1, 0.5] as [Double], s) }
        #expect(throws: RendererError.nonFiniteCoordinate(face: 1, vertex: 2)) { try impl.rasterizer.render(T1 + [0, 0, 1, 0, .nan, 1], s) }
        // Beyond ±1e18 the squared distances overflow Float (an OBJ the fuzzer found projected to 1e38).
        #expect(throws: RendererError.coordinateOutOfRange(face: 1, vertex: 0, value: 1e38, limit: SilhouetteSettings.coordinateLimit)) {
            try impl.rasterizer.render(T1 + [1e38, 0, 1, 0, 0, 1], s)
        }
        #expect(throws: RendererError.coordinateOutOfRange(face: 0, vertex: 2, value: -0x1p61, limit: SilhouetteSettings.coordinateLimit)) {
            try impl.rasterizer.render([0, 0, 1, 0, -0x1p61, 1] as [Float], s)
        }
        #expect(try impl.rasterizer.render([0, 0, 1, 0, 1e18, 1] as [Float], s).allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 })
        #expect(throws: RendererError.self) { try impl.rasterizer.gradient(T1, s, cotangent: [1, 2]) }
        #expect(throws: RendererError.self) { try impl.rasterizer.gradient(T1, s, cotangent: [Double](repeating: .nan, count: 16)) }
    }

    @Test("documented results: no faces → empty silhouette; zero-area triangles are segments, never inside", arguments: RendererImplementation.allCases)
    func documented(_ impl: RendererImplementation) throws {
        let s = try settings("logistic", tau: 0.1)
        #expect(try impl.rasterizer.render([Double](), s) == [Double](repeating: 0, count: 16))
        let segment: [Double] = [-0.75, 0.25, 0.75, 0.25, 0, 0.25]  // collinear, through a pixel row
        let img = try impl.rasterizer.render(segment, s)
        #expect(abs(img[pixel(-0.25, 0.25)] - 0.5) <= 1e-12)  // on the segment: d = 0, outside → F(0)
        let point: [Double] = [0.25, 0.25, 0.25, 0.25, 0.25, 0.25]
        #expect(abs(try impl.rasterizer.render(point, s)[pixel(0.25, 0.25)] - 0.5) <= 1e-12)
        #expect(try impl.rasterizer.gradient(point, s, cotangent: [Double](repeating: 1, count: 16)).triangles.allSatisfy(\.isFinite))
    }
}

@testable import AlgorithmicSupervision
import Testing

/// Hamacher with q = 0, `(a + b − 2ab)/(1 − ab)`, is 0/0 at a = b = 1; its limit there is 1
/// (`S(1, b) = 1` for every b < 1) and both partials are 0. The shortest path's traceback reaches
/// that point once path and trace are both exactly 1, as on a short grid with a large β.
@Suite struct HamacherLimitTests {
    @Test func referenceConormAtTheCorner() throws {
        let tape = Tape<Double>()
        let a = Tensor.leaf([1, 1, 0.5], shape: [3], on: tape), b = Tensor.leaf([1, 0.25, 1], shape: [3], on: tape)
        let s = try RelaxedPrograms.tConorm(.hamacher, q: 0, a, b)
        #expect(s.values == [1, 1, 1])
        let g = tape.gradients(seeds: [(s.node!, [1, 1, 1])])
        // ∂S/∂a = (1 − b)²/(1 − ab)², ∂S/∂b = (1 − a)²/(1 − ab)² away from the corner; 0 at it.
        #expect(g[a.node!]! == [0, 1, 0], "\(g[a.node!]!)")
        #expect(g[b.node!]! == [0, 0, 1], "\(g[b.node!]!)")
    }

    @Test(arguments: AlgorithmImplementation.allCases)
    func shortestPathWithQZeroStaysFinite(_ impl: AlgorithmImplementation) throws {
        let cost = Batched<Double>(shape: [2, 1, 3], values: [1, 1, 1, 1, 2, 1])
        let p = params(beta: 200) { $0.tconorm = .hamacher; $0.tconormParameter = 0; $0.iterations = 6 }
        let r = try run(impl, .shortestPath, ["cost": cost], cotangents: ["path": [1, 0.5, 1, 1, 1, 1]], p)
        let path = r.outputs["path"]!.values, grad = r.gradients["cost"]!.values
        #expect(path.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 + 1e-12 }, "\(impl): \(path)")
        #expect(grad.allSatisfy { $0.isFinite }, "\(impl): \(grad)")
        // Every cell of a 1×3 corridor is on the path.
        #expect(path.allSatisfy { abs($0 - 1) < 1e-9 }, "\(impl): \(path)")
        // Continuity in q: q = 1e-9 gives the same path to 1e-6.
        let near = try run(impl, .shortestPath, ["cost": cost], params(beta: 200) { $0.tconorm = .hamacher; $0.tconormParameter = 1e-9; $0.iterations = 6 })
        let nearPath = near.outputs["path"]!.values
        for (x, y) in zip(path, nearPath) { #expect(abs(x - y) < 1e-6, "\(impl)") }
    }

    /// The C kernel, both builds, where it runs (β = 2) on a 1 × 2 grid: each cell's only
    /// on-grid neighbour is the other (off-grid ones weigh exactly 0), so the trace stays exactly 1
    /// and bounces between them, hitting the corner. It must run (not decline), stay finite and
    /// agree with the reference.
    @Test(arguments: [KernelBuild.baseline, .avx2FMA])
    func cKernelAtTheCorner(_ build: KernelBuild) throws {
        let (batch, H, W) = (2, 1, 2)
        let cost: [Double] = [1, 1, 0.5, 2], cot: [Double] = [1, 0.5, -1, 1]
        let p = params(beta: 2) { $0.tconorm = .hamacher; $0.tconormParameter = 0; $0.iterations = 6 }
        let sp = SIMDShortestPath(H: H, W: W, lanes: Lanes(batch: batch), beta: p.beta, epsilon: p.epsilon, maxIterations: p.maxIterations,
                                  hard: p.hard, iterations: 6, tconorm: p.tconorm, q: p.hamacherQ, traceback: p.traceback, infinity: p.infinity)
        let lanes = Lanes(batch: batch)
        let r = try #require(sp.runKernel(lanes.pack(cost, elements: H * W), gradPath: lanes.pack(cot, elements: H * W), build: build))
        let path = lanes.unpack(r.path, elements: H * W), grad = lanes.unpack(try #require(r.grad), elements: H * W)
        #expect(path.allSatisfy { $0.isFinite } && grad.allSatisfy { $0.isFinite }, "\(build): \(path) \(grad)")
        let ref = try run(.reference, .shortestPath, ["cost": Batched(shape: [batch, H, W], values: cost)], cotangents: ["path": cot], p)
        #expect(ref.outputs["path"]!.values.allSatisfy { $0 == 1 }, "the path is exactly 1 on both cells: \(ref.outputs["path"]!.values)")
        expectClose(path, ref.outputs["path"]!.values, abs: simdAgreementBound.abs, rel: simdAgreementBound.rel, "\(build) path")
        expectClose(grad, ref.gradients["cost"]!.values, abs: simdAgreementBound.abs, rel: simdAgreementBound.rel, "\(build) grad")
    }
}

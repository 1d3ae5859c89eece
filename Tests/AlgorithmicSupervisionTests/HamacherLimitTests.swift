import AlgorithmicSupervision
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
}

import Testing
import SortingNetworks

/// Bad input gets a typed error, never a crash or silent NaN (issue 2, "Bad input").
@Suite("Bad input")
struct BadInputTests {
    @Test("Non-finite inputs are rejected, naming row and column", arguments: SortingImplementation.allCases, [Double.nan, .infinity, -.infinity])
    func nonFinite(impl: SortingImplementation, value: Double) throws {
        let sorter = try impl.makeSorter(n: 3, configuration: .init())
        #expect(throws: RelaxedSortError.self) { try sorter.sort([1, 2, 3, 4, value, 6], computeP: true) }
        do {
            _ = try sorter.sort([1, 2, 3, 4, value, 6], computeP: true)
        } catch {
            guard case .nonFiniteInput(let row, let column, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(row == 1 && column == 1)
        }
        #expect(throws: RelaxedSortError.self) {
            try sorter.gradient([1, 2, 3], cotangentY: [1, value, 0], cotangentP: nil, computeP: false)
        }
    }

    @Test("Shapes: x not a multiple of n, cotangents of the wrong size", arguments: SortingImplementation.allCases)
    func shapes(impl: SortingImplementation) throws {
        let sorter = try impl.makeSorter(n: 4, configuration: .init())
        #expect(throws: RelaxedSortError.self) { try sorter.sort([1, 2, 3, 4, 5], computeP: false) }
        #expect(throws: RelaxedSortError.self) { try sorter.gradient([1, 2, 3, 4], cotangentY: [1], cotangentP: nil, computeP: false) }
        #expect(throws: RelaxedSortError.self) { try sorter.gradient([1, 2, 3, 4], cotangentY: nil, cotangentP: [1, 2], computeP: false) }
        #expect(throws: RelaxedSortError.self) { try sorter.sort(rows: [[1, 2, 3, 4], [1, 2]]) }
    }

    @Test("Empty batch gives empty outputs; n = 1 is the identity", arguments: SortingImplementation.allCases)
    func degenerate(impl: SortingImplementation) throws {
        let sorter = try impl.makeSorter(n: 3, configuration: .init())
        let empty = try sorter.sort([Double](), computeP: true)
        #expect(empty.batch == 0 && empty.y.isEmpty && empty.p == [])
        let one = try impl.makeSorter(n: 1, configuration: .init())
        let out = try one.gradient([4.5, -2], cotangentY: [3, 7], cotangentP: [1, 1], computeP: true)
        #expect(out.output.y == [4.5, -2] && out.output.p == [1, 1] && out.gradX == [3, 7])
    }

    @Test("Invalid configuration values", arguments: SortingImplementation.allCases)
    func configuration(impl: SortingImplementation) throws {
        for s in [0, -1, Double.nan, .infinity] {
            let error = #expect(throws: RelaxedSortError.self) { try impl.makeSorter(n: 4, configuration: .init(steepness: s)) }
            guard case .invalidSteepness = error else { Issue.record("expected invalidSteepness, got \(String(describing: error))"); continue }
        }
        for lambda in [-0.1, 1, .nan] {
            #expect(throws: RelaxedSortError.self) { try impl.makeSorter(n: 4, configuration: .init(artLambda: lambda)) }
        }
        #expect(throws: RelaxedSortError.invalidSize(0)) { try impl.makeSorter(n: 0, configuration: .init()) }
        #expect(SigmoidFamily(rawValue: "sigmoid") == nil)
    }

    @Test("A huge but finite input does not poison other rows", arguments: SortingImplementation.allCases)
    func isolation(impl: SortingImplementation) throws {
        let sorter = try impl.makeSorter(n: 3, configuration: .init(family: .cauchy))
        let alone = try sorter.sort([0.3, 0.1, 0.2], computeP: true)
        let mixed = try sorter.sort([1e300, -1e300, 0, 0.3, 0.1, 0.2], computeP: true)
        #expect(Array(mixed.y[3...]) == alone.y)
        #expect(Array(mixed.p![9...]) == alone.p!)
    }
}

import AlgorithmicSupervision
import Testing

/// `AlgorithmCSV` (the `relax algo run --csv` reader): shapes per program, word pairs for edit
/// distance, and a typed error naming line and column for every kind of bad CSV.
@Suite struct CSVInputTests {
    @Test func numericPrograms() throws {
        let text = "# scores\n3, 1, 2\n\n0.5,-1,4\n"
        let sort = try AlgorithmCSV.parse(text, program: .bubbleSort).inputs["array"]!
        #expect(sort.shape == [2, 3] && sort.values == [3, 1, 2, 0.5, -1, 4])
        let grid = try AlgorithmCSV.parse("1,5,1\n1,5,1\n1,1,1\n", program: .shortestPath).inputs["cost"]!
        #expect(grid.shape == [1, 3, 3] && grid.values == [1, 5, 1, 1, 5, 1, 1, 1, 1])
        let counter = try AlgorithmCSV.parse("0\n2.5\r\n", program: .counter).inputs["start"]!
        #expect(counter.shape == [2] && counter.values == [0, 2.5])
    }

    /// Word pairs become one-hot letters; in hard mode the program returns the Levenshtein
    /// distance of the words (kitten → sitting: 3; flaw → lawn: 2).
    @Test func editDistanceWordPairs() throws {
        let (pairs, alphabet) = try AlgorithmCSV.parse("kitten,sitting\nsitten,kitting\n", program: .editDistance)
        #expect(alphabet == ["e", "g", "i", "k", "n", "s", "t"])
        #expect(pairs["a"]!.values[0..<7] == [0, 0, 0, 1, 0, 0, 0])   // k
        #expect(pairs["a"]!.shape == [2, 6, 7] && pairs["b"]!.shape == [2, 7, 7])
        for impl in AlgorithmImplementation.allCases {
            let r = try run(impl, .editDistance, pairs, params { $0.hard = true })
            #expect(r.outputs["distance"]!.values == [3, 3], "\(impl)")
            let flaw = try run(impl, .editDistance, try AlgorithmCSV.parse("flaw,lawn", program: .editDistance).inputs, params { $0.hard = true })
            #expect(flaw.outputs["distance"]!.values == [2], "\(impl)")
        }
    }

    @Test func badCSVGetsATypedError() {
        func error(_ text: String, _ program: AlgorithmProgram) -> AlgorithmCSVError? {
            do { _ = try AlgorithmCSV.parse(text, program: program); return nil } catch { return error }
        }
        #expect(error("", .bubbleSort) == .noRows)
        #expect(error("# only a comment\n\n", .counter) == .noRows)
        #expect(error("1,2\n3,x\n", .bubbleSort) == .notANumber(line: 2, column: 2, cell: "x"))
        #expect(error("1,nan\n", .bubbleSort) == .nonFinite(line: 1, column: 2, cell: "nan"))
        #expect(error("1,2,3\n\n1,2\n", .shortestPath) == .wrongColumnCount(line: 3, expected: 3, found: 2))
        #expect(error("1,,2\n", .bubbleSort) == .emptyCell(line: 1, column: 2))
        #expect(error("1,2\n", .counter) == .wrongColumnCount(line: 1, expected: 1, found: 2))
        #expect(error("kitten\n", .editDistance) == .wrongColumnCount(line: 1, expected: 2, found: 1))
        #expect(error("kitten,\n", .editDistance) == .emptyCell(line: 1, column: 2))
        #expect(error("ab,cd\nabc,cd\n", .editDistance) == .wordLength(line: 2, input: "a", expected: 2, found: 3))
        #expect(error("ab,cd\nab,c\n", .editDistance) == .wordLength(line: 2, input: "b", expected: 2, found: 1))
        #expect(AlgorithmCSVError.notANumber(line: 2, column: 2, cell: "x").description == "CSV line 2, column 2: \"x\" is not a number")
    }

    /// `relax algo run --cotangent NAME=FILE`: cotangents read from CSV in the output's layout give
    /// the same gradients as the same numbers passed directly, for both implementations.
    @Test func cotangentsFromCSV() throws {
        let sort = try AlgorithmCSV.parse("3,1,2\n0.5,-1,4\n", program: .bubbleSort).inputs
        let ct = try AlgorithmCSV.cotangent("# d/d array\n1,0,0\n0,0,1\n", output: "array", of: .bubbleSort)
        #expect(ct == [1, 0, 0, 0, 0, 1])
        let loss = try AlgorithmCSV.cotangent("1\n2\n", output: "loss_sum", of: .bubbleSort)
        #expect(loss == [1, 2])
        for impl in AlgorithmImplementation.allCases {
            let fromCSV = try impl.runner.run(.bubbleSort, inputs: sort, cotangents: ["array": ct, "loss_sum": loss], parameters: params { _ in })
            let direct = try impl.runner.run(.bubbleSort, inputs: sort, cotangents: ["array": [1, 0, 0, 0, 0, 1], "loss_sum": [1, 2]], parameters: params { _ in })
            let g = try #require(fromCSV.gradients["array"])
            #expect(g.shape == [2, 3] && g.values == direct.gradients["array"]!.values, "\(impl)")
            #expect(g.values.contains { $0 != 0 }, "\(impl)")
        }
        let grid = try AlgorithmCSV.cotangent("0,0\n0,1\n", output: "path", of: .shortestPath)
        #expect(grid == [0, 0, 0, 1])
    }

    @Test func badCotangentCSVGetsATypedError() throws {
        func error(_ text: String, _ output: String, _ program: AlgorithmProgram) -> AlgorithmCSVError? {
            do { _ = try AlgorithmCSV.cotangent(text, output: output, of: program); return nil } catch { return error }
        }
        #expect(error("1\n", "path_length", .shortestPath) == .unknownOutput("path_length", known: ["path"]))
        #expect(error("1,2\n", "distance", .editDistance) == .wrongColumnCount(line: 1, expected: 1, found: 2))
        #expect(error("1,inf\n", "array", .bubbleSort) == .nonFinite(line: 1, column: 2, cell: "inf"))
        #expect(error("\n", "x", .counter) == .noRows)
        // A cotangent of the wrong size is caught when the program runs, naming it.
        let sort = try AlgorithmCSV.parse("3,1,2\n", program: .bubbleSort).inputs
        let short = try AlgorithmCSV.cotangent("1,0\n", output: "array", of: .bubbleSort)
        for impl in AlgorithmImplementation.allCases {
            #expect(throws: AlgorithmError.self) { try impl.runner.run(.bubbleSort, inputs: sort, cotangents: ["array": short], parameters: params { _ in }) }
        }
    }
}

/// What is wrong with a CSV input, with its line (1-based, counting every line of the text)
/// and column (1-based).
public enum AlgorithmCSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No data lines (blank lines and `#` comments do not count).
    case noRows
    /// A cell that is not a number.
    case notANumber(line: Int, column: Int, cell: String)
    /// A number that is NaN or ±∞.
    case nonFinite(line: Int, column: Int, cell: String)
    /// A line with another number of cells than the first data line (or than the program needs).
    case wrongColumnCount(line: Int, expected: Int, found: Int)
    /// An empty cell (for example `1,,2`, or an empty word).
    case emptyCell(line: Int, column: Int)
    /// An edit-distance word whose length differs from the first line's (the batch is one
    /// tensor `[B, n, K]`, so every `a` word has one length `n` and every `b` word one length `m`).
    case wordLength(line: Int, input: String, expected: Int, found: Int)
    /// A cotangent for a name that is not one of the program's outputs.
    case unknownOutput(String, known: [String])

    public var description: String {
        switch self {
        case .noRows: "CSV input has no data lines"
        case .notANumber(let l, let c, let cell): "CSV line \(l), column \(c): \"\(cell)\" is not a number"
        case .nonFinite(let l, let c, let cell): "CSV line \(l), column \(c): \(cell) is not finite"
        case .wrongColumnCount(let l, let e, let f): "CSV line \(l) has \(f) cells, expected \(e)"
        case .emptyCell(let l, let c): "CSV line \(l), column \(c) is empty"
        case .wordLength(let l, let input, let e, let f):
            "CSV line \(l): word \(input) has \(f) letters, expected \(e) (every row of a batch has the same lengths)"
        case .unknownOutput(let name, let known): "\"\(name)\" is not an output of the program (outputs: \(known.joined(separator: ", ")))"
        }
    }
}

/// Program inputs from CSV text (`relax algo run --csv`). Blank lines and lines starting with
/// `#` are skipped; cells are separated by commas and trimmed of spaces.
///
/// - `bubble_sort`: one batch row per line → `array [B, n]`.
/// - `shortest_path`: one cost grid, one grid row per line → `cost [1, H, W]`.
/// - `counter`: one start value per line → `start [B]`.
/// - `edit_distance`: one pair of words per line, `a,b` (for example `kitten,sitting`) → one-hot
///   letter distributions `a [B, n, K]`, `b [B, m, K]` over the alphabet of every letter in the
///   file, sorted (returned as `alphabet`). All `a` words have one length, all `b` words one.
public enum AlgorithmCSV {
    public static func parse(_ text: String, program: AlgorithmProgram) throws(AlgorithmCSVError)
        -> (inputs: [String: Batched<Double>], alphabet: [Character]?) {
        let rows = try table(text, width: program == .editDistance ? 2 : program == .counter ? 1 : nil)
        if program == .editDistance { return try words(rows) }
        let width = rows[0].cells.count
        let flat = try numbers(rows)
        let inputs: [String: Batched<Double>] = switch program {
        case .bubbleSort: ["array": Batched(shape: [rows.count, width], values: flat)]
        case .shortestPath: ["cost": Batched(shape: [1, rows.count, width], values: flat)]
        case .counter, .editDistance: ["start": Batched(shape: [rows.count], values: flat)]
        }
        return (inputs, nil)
    }

    /// The data lines of `text` split into trimmed cells: at least one line, every line with
    /// `width` cells (or as many as the first line), no empty cell.
    static func table(_ text: String, width: Int?) throws(AlgorithmCSVError) -> [(line: Int, cells: [String])] {
        var rows: [(line: Int, cells: [String])] = []
        for (i, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingSpaces
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            rows.append((i + 1, line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }))
        }
        guard let first = rows.first else { throw .noRows }
        let width = width ?? first.cells.count
        for row in rows {
            guard row.cells.count == width else { throw .wrongColumnCount(line: row.line, expected: width, found: row.cells.count) }
            for (c, cell) in row.cells.enumerated() where cell.isEmpty { throw .emptyCell(line: row.line, column: c + 1) }
        }
        return rows
    }

    /// Every cell as a finite number, row by row.
    static func numbers(_ rows: [(line: Int, cells: [String])]) throws(AlgorithmCSVError) -> [Double] {
        var flat: [Double] = []
        flat.reserveCapacity(rows.count * (rows.first?.cells.count ?? 0))
        for row in rows {
            for (c, cell) in row.cells.enumerated() {
                guard let v = Double(cell) else { throw .notANumber(line: row.line, column: c + 1, cell: cell) }
                guard v.isFinite else { throw .nonFinite(line: row.line, column: c + 1, cell: cell) }
                flat.append(v)
            }
        }
        return flat
    }

    /// Word pairs → one-hot letter distributions over the sorted alphabet of the file.
    static func words(_ rows: [(line: Int, cells: [String])]) throws(AlgorithmCSVError) -> (inputs: [String: Batched<Double>], alphabet: [Character]?) {
        let alphabet = Array(Set(rows.flatMap { $0.cells.joined() })).sorted()
        let letter = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })
        let (n, m, K) = (rows[0].cells[0].count, rows[0].cells[1].count, alphabet.count)
        var a: [Double] = [], b: [Double] = []
        for row in rows {
            for (name, word, length) in [("a", row.cells[0], n), ("b", row.cells[1], m)] {
                guard word.count == length else { throw .wordLength(line: row.line, input: name, expected: length, found: word.count) }
                for ch in word {
                    var oneHot = [Double](repeating: 0, count: K)
                    oneHot[letter[ch]!] = 1
                    if name == "a" { a += oneHot } else { b += oneHot }
                }
            }
        }
        return (["a": Batched(shape: [rows.count, n, K], values: a), "b": Batched(shape: [rows.count, m, K], values: b)], alphabet)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}

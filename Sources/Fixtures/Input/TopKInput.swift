/// The input of `relax topk loss`: `{"logits": [[numbers]], "labels": [integers]}`, strictly —
/// a label `1.0`, `true` or `"1"` is an error, not class 1; other keys are ignored. A fuzz
/// target (`Fuzz/`).
public struct TopKInput: Sendable {
    public let logits: [[Double]]
    public let labels: [Int]

    public static func parse(_ bytes: [UInt8]) throws -> TopKInput {
        let usage = "input must be JSON {\"logits\": [[numbers]], \"labels\": [integers]}"
        let value: JSONValue
        do { value = try JSONValue.parse(bytes) } catch { throw VectorInput.Error(description: "\(usage): \(error)") }
        guard let rows = value["logits"]?.arrayValue, let labelValues = value["labels"]?.arrayValue else { throw VectorInput.Error(description: usage) }
        let logits = try rows.enumerated().map { b, row -> [Double] in
            guard let items = row.arrayValue else { throw VectorInput.Error(description: "logits[\(b)] is \(row.kindName), not an array of numbers") }
            return try items.enumerated().map { i, v -> Double in
                switch v {
                case .integer(let k): return Double(k)
                case .number(let d): return d
                default: throw VectorInput.Error(description: "logits[\(b)][\(i)] is \(v.kindName), not a number")
                }
            }
        }
        let labels = try labelValues.enumerated().map { b, v -> Int in
            guard case .integer(let k) = v else {
                let shown = v.doubleValue.map { " \($0)" } ?? ""
                throw VectorInput.Error(description: "labels[\(b)] is a \(v.kindName)\(shown), not an integer (write 1, not 1.0)")
            }
            return k
        }
        guard let n = logits.first?.count, n >= 1, logits.allSatisfy({ $0.count == n }) else {
            throw VectorInput.Error(description: "logits must be a non-empty list of equally long, non-empty rows")
        }
        return TopKInput(logits: logits, labels: labels)
    }
}

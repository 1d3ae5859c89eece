import RealModule

/// Softmax cross-entropy, averaged over the batch (PyTorch's `CrossEntropyLoss` default).
public enum CrossEntropy {
    /// Returns the mean loss and `∂loss/∂scores` `[B][classes]` = `(softmax(s) − onehot(label)) / B`.
    public static func lossAndGradient<T: LogicScalar>(
        scores: [T], labels: [Int], classes: Int
    ) -> (loss: T, gradient: [T]) {
        let batch = labels.count
        var loss: T = 0
        var grad = [T](repeating: 0, count: scores.count)
        for s in 0..<batch {
            let row = Array(scores[s * classes..<(s + 1) * classes])
            let p = GateMixture.softmax(row)
            var m = row[0]
            for v in row where v > m { m = v }
            var sum: T = 0
            for v in row { sum += T.exp(v - m) }
            loss += (m + T.log(sum)) - row[labels[s]]
            for c in 0..<classes {
                grad[s * classes + c] = (p[c] - (c == labels[s] ? 1 : 0)) / T(batch)
            }
        }
        return (loss / T(batch), grad)
    }
}

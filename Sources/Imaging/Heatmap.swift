/// Renders a matrix of values in [0, 1] as a PNG heatmap (viridis-like colour map),
/// each cell drawn as a `cell × cell` square, row 0 at the top.
public enum Heatmap {
    /// Control points of the colour map (viridis at 0, ¼, ½, ¾, 1).
    static let stops: [(Double, Double, Double)] = [
        (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]

    /// The colour of `v` (clamped to [0, 1]; NaN is drawn red).
    public static func color(_ v: Double) -> (UInt8, UInt8, UInt8) {
        guard !v.isNaN else { return (255, 0, 0) }
        let t = min(max(v, 0), 1) * Double(stops.count - 1)
        let i = min(Int(t), stops.count - 2)
        let f = t - Double(i)
        let (a, b) = (stops[i], stops[i + 1])
        func mix(_ x: Double, _ y: Double) -> UInt8 { UInt8((x + (y - x) * f).rounded()) }
        return (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    /// PNG bytes for `matrix[row][column]`.
    public static func png(_ matrix: [[Double]], cell: Int = 16) throws(PNG.Error) -> [UInt8] {
        let rows = matrix.count, columns = matrix.first?.count ?? 0
        let width = max(columns * cell, 1), height = max(rows * cell, 1)
        var rgb = [UInt8](repeating: 0, count: width * height * 3)
        for r in 0..<rows {
            for c in 0..<min(columns, matrix[r].count) {
                let (red, green, blue) = color(matrix[r][c])
                for y in (r * cell)..<((r + 1) * cell) {
                    for x in (c * cell)..<((c + 1) * cell) {
                        let k = (y * width + x) * 3
                        rgb[k] = red
                        rgb[k + 1] = green
                        rgb[k + 2] = blue
                    }
                }
            }
        }
        return try PNG.encodeRGB(width: width, height: height, rgb: rgb)
    }
}

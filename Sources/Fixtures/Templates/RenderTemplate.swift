import SortingNetworks

/// `render-silhouette` templates: random screen-space triangles (NDC) per image size with a
/// cotangent on the image; plus overlapping triangles, a triangle partly outside the image, a
/// near-hard scale (τ = 0.005) and a wide one (τ = 1).
public enum RenderSilhouetteTemplate: FixtureTemplateMaker {
    public static let method = "render-silhouette"
    public static let outputs = ["image", "grad_triangles"]
    public static let defaultSizes = [8, 16]
    public static let defaultParams: [String: JSONValue] = [
        "distribution": .string("logistic"), "tconorm": .string("probabilistic"), "scale": .number(0.12),
        "squared_distance": .bool(false),
    ]
    public static let tolerance = FixtureTolerance(abs: 1e-11, rel: 1e-9)

    public static func cases(sizes: [Int], options: TemplateOptions, params: [String: JSONValue], rng: inout SplitMix64) throws -> [JSONValue] {
        guard sizes.allSatisfy({ $0 >= 2 && $0 <= 256 }) else { throw TemplateError("render-silhouette image sizes must be in 2…256") }
        func triangles(_ count: Int, in range: ClosedRange<Double> = -0.9...0.9) -> JSONValue {
            .tensor(rng.values(count * 6, in: range), shape: [count, 3, 2])
        }
        func input(_ size: Int, _ t: JSONValue) -> [String: JSONValue] {
            ["triangles": t, "cotangent_image": .tensor(rng.values(size * size, in: -1...1), shape: [size, size])]
        }
        var cases = sizes.map { size in
            templateCase("size\(size)-random", params: ["size": .integer(size)], input: input(size, triangles(max(1, options.batch))))
        }
        guard options.hardCases else { return cases }
        let size = sizes.max()!
        let overlapping = JSONValue.tensor([-0.5, -0.5, 0.5, -0.5, 0, 0.5, -0.4, 0.4, 0.4, 0.4, 0, -0.45], shape: [2, 3, 2])
        cases.append(templateCase("size\(size)-overlapping", params: ["size": .integer(size)], input: input(size, overlapping)))
        let outside = JSONValue.tensor([0.6, 0.2, 1.7, 0.4, 0.9, 1.5], shape: [1, 3, 2])
        cases.append(templateCase("size\(size)-partly-outside", params: ["size": .integer(size)], input: input(size, outside)))
        cases.append(templateCase("size\(size)-sharp", params: ["size": .integer(size), "scale": .number(0.005)], input: input(size, triangles(2))))
        cases.append(templateCase("size\(size)-wide", params: ["size": .integer(size), "scale": .number(1)], input: input(size, triangles(2))))
        return cases
    }
}

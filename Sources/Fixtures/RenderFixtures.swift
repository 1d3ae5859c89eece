import Renderer

/// Checker of the contract method `render-silhouette` (fixtures.md): GenDR soft silhouettes of
/// screen-space triangles (arXiv 2204.13845).
///
/// * params: `size`, `distribution` (the package's names and aliases), `scale` (τ), `tconorm`,
///   `tconorm_parameter` (if the T-conorm has one), `squared_distance` (default false),
///   `dist_shape` (gamma, gamma_rev), `dist_shift` (default 0).
/// * input: `triangles` `[F][3][2]` (NDC), optional `cotangent_image` `[size][size]`.
/// * expected: `image` `[size][size]` (row 0 = top), `grad_triangles` `[F][3][2]`.
///
/// Evaluated in Double with every ``RendererImplementation``.
public enum RenderSilhouetteFixtures: FixtureMethod {
    public static let name = "render-silhouette"
    public static var implementations: [String] { RendererImplementation.allCases.map(\.rawValue) }
    public static let outputKeys: Set<String> = ["image", "grad_triangles"]

    static func optionalDouble(_ c: FixtureCase, _ key: String) throws(FixtureError) -> Double? {
        guard let v = c.param(key), v != .null else { return nil }
        return try c.doubleParam(key)
    }

    public static func settings(_ c: FixtureCase) throws -> SilhouetteSettings {
        let size = try c.intParam("size")
        func domain<R>(_ key: String, _ body: () throws(RendererError) -> R) throws -> R {
            do { return try body() } catch { throw FixtureError.invalidValue(c.location("params.\(key)"), reason: error.description) }
        }
        let familyName = try c.stringParam("distribution")
        let family = try domain("distribution") { () throws(RendererError) in try DistributionFamily(name: familyName) }
        let shape = try optionalDouble(c, "dist_shape"), shift = try optionalDouble(c, "dist_shift") ?? 0
        let distribution = try domain("dist_shape") { () throws(RendererError) in
            try SmoothingDistribution(family, shape: family.takesShape ? shape : nil, shift: shift)
        }
        let tconormName = try c.stringParam("tconorm")
        let p = try optionalDouble(c, "tconorm_parameter")
        let tconorm = try domain("tconorm_parameter") { () throws(RendererError) in try TConorm(name: tconormName, parameter: p) }
        let scale = try c.doubleParam("scale")
        let squared = try c.boolParam("squared_distance", default: false)
        return try domain("size") { () throws(RendererError) in
            try SilhouetteSettings(size: size, distribution: distribution, scale: scale, squaredDistance: squared, tconorm: tconorm)
        }
    }

    public static func evaluate(_ c: FixtureCase, implementation: String) throws -> [String: FixtureTensor] {
        guard let impl = RendererImplementation(rawValue: implementation) else {
            throw FixtureError.unknownImplementation(c.location(), implementation: implementation, known: implementations)
        }
        let s = try settings(c)
        let n = s.size
        let triangles = try c.input("triangles", shape: [nil, 3, 2])
        guard triangles.values.allSatisfy(\.isFinite) else {
            throw FixtureError.invalidValue(c.location("input.triangles"), reason: "non-finite coordinate")
        }
        let F = triangles.shape[0]
        let rasterizer = impl.rasterizer
        var out: [String: FixtureTensor] = [:]
        if c.wants("grad_triangles") {
            guard let cot = try c.optionalInput("cotangent_image", shape: [n, n]) else { throw FixtureError.missingKey(c.location("input.cotangent_image")) }
            let g = try rasterizer.gradient(triangles.values, s, cotangent: cot.values)
            out["image"] = FixtureTensor(g.image, shape: [n, n])
            out["grad_triangles"] = FixtureTensor(g.triangles, shape: [F, 3, 2])
        } else {
            out["image"] = FixtureTensor(try rasterizer.render(triangles.values, s), shape: [n, n])
        }
        return out
    }
}

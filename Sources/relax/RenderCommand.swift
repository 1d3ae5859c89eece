import ArgumentParser
import Foundation
import Imaging
import Renderer

/// `relax render` — GenDR soft silhouettes (arXiv 2204.13845): PNGs, labelled grids, camera and
/// shape fitting, benchmark.
struct RenderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "GenDR soft silhouettes: render a mesh to PNG, compare distributions in a grid, fit a camera or a shape.",
        subcommands: [RenderSilhouetteCommand.self, RenderGridCommand.self, RenderFitCameraCommand.self, RenderFitShapeCommand.self, RenderBenchCommand.self],
        defaultSubcommand: RenderSilhouetteCommand.self)
}

/// Options shared by the render subcommands.
struct RenderOptions: ParsableArguments {
    @Option(help: "Mesh: sphere, icosphere, cube, torus, l-shape, or a path to an .obj file.")
    var mesh: String = "torus"
    @Option(help: "Smoothing distribution (18 names, e.g. uniform, logistic, gaussian, cauchy, gamma_rev).")
    var distribution: String = "logistic"
    @Option(help: "Scale τ (NDC, or NDC² with --squared).")
    var scale: Double = 0.01
    @Option(help: "T-conorm: max, probabilistic, einstein, hamacher, frank, yager, aczel_alsina, dombi, schweizer_sklar, hard.")
    var tconorm: String = "probabilistic"
    @Option(help: "T-conorm parameter p (hamacher, frank, yager, aczel_alsina, dombi, schweizer_sklar).")
    var p: Double?
    @Flag(help: "Apply the CDF to the squared distance (SoftRas-style).")
    var squared = false
    @Option(help: "Gamma shape k (gamma, gamma_rev).")
    var shape: Double?
    @Option(help: "Shift c in units of τ (exponential, gamma, levy and their _rev forms).")
    var shift: Double = 0
    @Option(help: "Image size N (N × N).")
    var size: Int = 64
    @Option(help: "Camera distance.")
    var distance: Double = 2.732
    @Option(help: "Camera elevation in degrees.")
    var elevation: Double = 30
    @Option(help: "Camera azimuth in degrees.")
    var azimuth: Double = 0
    @Option(help: "Half field of view θ in degrees.")
    var viewAngle: Double = 30

    func loadMesh() throws -> TriangleMesh {
        if mesh.hasSuffix(".obj") {
            guard let text = try? String(contentsOfFile: mesh, encoding: .utf8) else { throw ValidationError("cannot read \(mesh)") }
            return try TriangleMesh.parseOBJ(text)
        }
        return try TriangleMesh.named(mesh)
    }

    func settings(distribution name: String? = nil, scale tau: Double? = nil, tconorm tname: String? = nil, p tp: Double?? = nil) throws -> SilhouetteSettings {
        let family = try DistributionFamily(name: name ?? distribution)
        let d = try SmoothingDistribution(family, shape: family.takesShape ? (shape ?? 2) : nil, shift: family.takesShift ? shift : 0)
        let S = try TConorm(name: tname ?? tconorm, parameter: tp ?? p)
        return try SilhouetteSettings(size: size, distribution: d, scale: tau ?? scale, squaredDistance: squared, tconorm: S)
    }

    func camera() throws -> Camera { try Camera(distance: distance, elevation: elevation, azimuth: azimuth, viewAngle: viewAngle) }
}

/// `relax render silhouette` (default): one PNG.
struct RenderSilhouetteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "silhouette", abstract: "Render the soft silhouette of a mesh to a PNG.")
    @OptionGroup var options: RenderOptions
    @Option(help: "Output PNG.")
    var output: String = "silhouette.png"
    @Option(help: "Pixels per image pixel in the PNG.")
    var cell: Int = 4

    func run() async throws {
        let mesh = try options.loadMesh()
        let s = try options.settings()
        let start = Date()
        let image = try MeshSilhouette().render(mesh, try options.camera(), s)
        let seconds = Date().timeIntervalSince(start)
        try Data(GreyPNG.encode(GreyPNG.silhouette(image, size: s.size, cell: cell), width: s.size * cell)).write(to: URL(fileURLWithPath: output))
        print("\(mesh.faceCount) faces, \(s.size)×\(s.size), \(s.distribution) τ=\(s.scale)\(s.squaredDistance ? " squared" : ""), \(s.tconorm): "
              + String(format: "%.1f ms, coverage sum %.1f → %@", seconds * 1000, image.reduce(0, +), output))
    }
}

/// `relax render grid`: distributions (rows) × T-conorms or scales (columns), labelled.
struct RenderGridCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grid", abstract: "A labelled PNG grid: distributions (rows) × T-conorms or τ (columns).")
    @OptionGroup var options: RenderOptions
    @Option(help: "Rows: comma-separated distributions.")
    var rows: String = "uniform,cubic_hermite,gaussian,logistic,cauchy,gumbel_min,exponential_rev,gamma_rev"
    @Option(help: "Columns: comma-separated T-conorms as name or name:p (ignored with --scales).")
    var columns: String = "max,probabilistic,einstein,yager:2,aczel_alsina:0.5"
    @Option(help: "Columns: comma-separated τ values instead of T-conorms.")
    var scales: String?
    @Option(help: "Output PNG.")
    var output: String = "grid.png"
    @Option(help: "Pixels per image pixel.")
    var cell: Int = 2

    func run() async throws {
        let mesh = try options.loadMesh()
        let camera = try options.camera()
        let rowNames = rows.split(separator: ",").map(String.init)
        let columnSpecs: [(label: String, tconorm: String, p: Double?, scale: Double)]
        if let scales {
            columnSpecs = try scales.split(separator: ",").map {
                guard let t = Double($0) else { throw ValidationError("bad scale \($0)") }
                return ("t=\($0)", options.tconorm, options.p, t)
            }
        } else {
            columnSpecs = try columns.split(separator: ",").map { spec in
                let parts = spec.split(separator: ":")
                let p = try parts.count > 1 ? { guard let v = Double(parts[1]) else { throw ValidationError("bad parameter in \(spec)") }; return v }() : nil
                return (String(spec).replacingOccurrences(of: ":", with: " "), String(parts[0]), p, options.scale)
            }
        }
        let n = options.size, tile = n * cell, gap = 4, font = 1
        let labelWidth = (rowNames.map { PixelFont.width($0, scale: font) }.max() ?? 0) + 8
        let header = 7 * font + 8
        let width = labelWidth + columnSpecs.count * (tile + gap), height = header + rowNames.count * (tile + gap)
        var grey = [UInt8](repeating: 255, count: width * height)
        for (j, col) in columnSpecs.enumerated() {
            PixelFont.draw(col.label, into: &grey, width: width, x: labelWidth + j * (tile + gap), y: 3, scale: font)
        }
        for (i, name) in rowNames.enumerated() {
            let y0 = header + i * (tile + gap)
            PixelFont.draw(name, into: &grey, width: width, x: 2, y: y0 + tile / 2 - 4, scale: font)
            for (j, col) in columnSpecs.enumerated() {
                let s = try options.settings(distribution: name, scale: col.scale, tconorm: col.tconorm, p: .some(col.p))
                let image = try MeshSilhouette().render(mesh, camera, s)
                let cellImage = GreyPNG.silhouette(image, size: n, cell: cell)
                let x0 = labelWidth + j * (tile + gap)
                for r in 0..<tile { for c in 0..<tile { grey[(y0 + r) * width + x0 + c] = cellImage[r * tile + c] } }
            }
            FileHandle.standardError.write(Data("  row \(i + 1)/\(rowNames.count): \(name)\n".utf8))
        }
        try Data(GreyPNG.encode(grey, width: width)).write(to: URL(fileURLWithPath: output))
        print("\(rowNames.count) × \(columnSpecs.count) grid (\(mesh.faceCount) faces, \(n)×\(n)) → \(output)")
    }
}

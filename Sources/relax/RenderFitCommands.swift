import ArgumentParser
import Foundation
import Imaging
import Renderer
import SortingNetworks

/// Adam (Kingma & Ba) on a flat parameter vector.
struct Adam {
    var lr: Double, beta1: Double, beta2: Double
    var m: [Double], v: [Double], t = 0
    init(count: Int, lr: Double, beta1: Double = 0.9, beta2: Double = 0.999) {
        self.lr = lr; self.beta1 = beta1; self.beta2 = beta2
        m = Array(repeating: 0, count: count); v = Array(repeating: 0, count: count)
    }
    mutating func step(_ x: inout [Double], _ g: [Double]) {
        t += 1
        for i in x.indices {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
            let mh = m[i] / (1 - pow(beta1, Double(t))), vh = v[i] / (1 - pow(beta2, Double(t)))
            x[i] -= lr * mh / (vh.squareRoot() + 1e-8)
        }
    }
}

/// The hard silhouette used for targets and for scoring (closed inside test, any face).
func hardSettings(size: Int) throws -> SilhouetteSettings {
    try SilhouetteSettings(size: size, distribution: .named("hard"), scale: 1, tconorm: .hard)
}

/// Side-by-side PNG of several silhouettes.
func writeStrip(_ images: [[Double]], size n: Int, cell: Int, to path: String) throws {
    let tile = n * cell, gap = 4, width = images.count * (tile + gap)
    var grey = [UInt8](repeating: 200, count: width * tile)
    for (k, image) in images.enumerated() {
        let g = GreyPNG.silhouette(image, size: n, cell: cell)
        for r in 0..<tile { for c in 0..<tile { grey[r * width + k * (tile + gap) + c] = g[r * tile + c] } }
    }
    try Data(GreyPNG.encode(grey, width: width)).write(to: URL(fileURLWithPath: path))
}

/// `relax render fit-camera`: recover a camera pose from a hard target silhouette by gradient
/// descent on the IoU loss (the camera experiment of arXiv 2204.13845, Sec. 5, scaled down).
struct RenderFitCameraCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit-camera",
        abstract: "Fit (distance, elevation, azimuth, θ) to a target silhouette; success rate per distribution.",
        discussion: "Targets: hard silhouettes at random poses (distance U[2.5, 4], elevation and azimuth U[−40°, 40°], θ = 20°). Starts: angles perturbed by 15–35° in a random direction, distance U[2, 6], θ U[10°, 30°]. Adam (lr 0.3, betas 0.5/0.99) on the IoU loss with τ decayed log-uniformly. Success: final angular error < 5°.")
    @Option(help: "Mesh (default: the asymmetric l-shape).")
    var mesh: String = "l-shape"
    @Option(help: "Comma-separated distributions (one family each).")
    var distributions: String = "uniform,gaussian,logistic,cauchy,gumbel_min,exponential_rev,gamma_rev"
    @Option(help: "T-conorm.")
    var tconorm: String = "probabilistic"
    @Option(help: "Random problems per distribution.")
    var runs: Int = 10
    @Option(help: "Gradient steps per problem.")
    var steps: Int = 200
    @Option(help: "Image size.")
    var size: Int = 32
    @Option(help: "τ at the first step (NDC).")
    var tauStart: Double = 0.1
    @Option(help: "τ at the last step.")
    var tauEnd: Double = 0.001
    @Option(help: "Seed.")
    var seed: UInt64 = 1
    @Option(help: "PNG of start, target and result of the first problem of each distribution: PREFIX-<distribution>.png.")
    var png: String?

    func run() async throws {
        let mesh = try TriangleMesh.named(mesh)
        let names = distributions.split(separator: ",").map(String.init)
        let hard = try hardSettings(size: size)
        var summary: [(String, Int, Double)] = []
        for name in names {
            var rng = SplitMix64(seed: seed)  // the same problems for every distribution
            var successes = 0, errors: [Double] = []
            for run in 0..<runs {
                let truth = try Camera(distance: Double.random(in: 2.5...4, using: &rng), elevation: Double.random(in: -40...40, using: &rng),
                                       azimuth: Double.random(in: -40...40, using: &rng), viewAngle: 20)
                let direction = Double.random(in: 0..<(2 * Double.pi), using: &rng), magnitude = Double.random(in: 15...35, using: &rng)
                var x = [Double.random(in: 2...6, using: &rng), truth.elevation + magnitude * sin(direction),
                         truth.azimuth + magnitude * cos(direction), Double.random(in: 10...30, using: &rng)]
                let target = try MeshSilhouette().render(mesh, truth, hard)
                let startImage = try MeshSilhouette().render(mesh, Camera(distance: x[0], elevation: x[1], azimuth: x[2], viewAngle: x[3]), hard)
                var adam = Adam(count: 4, lr: 0.3, beta1: 0.5, beta2: 0.99)
                let family = try DistributionFamily(name: name)
                var lastLoss = 1.0
                for step in 0..<steps {
                    let tau = tauStart * pow(tauEnd / tauStart, Double(step) / Double(max(1, steps - 1)))
                    let d = try SmoothingDistribution(family, shape: family.takesShape ? 2 : nil)
                    let s = try SilhouetteSettings(size: size, distribution: d, scale: tau, tconorm: TConorm(name: tconorm, parameter: tconorm == "yager" ? 2 : nil))
                    x[0] = max(x[0], 0.5); x[3] = min(max(x[3], 1), 80)
                    let camera = try Camera(distance: x[0], elevation: x[1], azimuth: x[2], viewAngle: x[3])
                    let image = try MeshSilhouette().render(mesh, camera, s)
                    let (loss, dP) = IoULoss.value(image, target)
                    let g = try MeshSilhouette().gradient(mesh, camera, s, cotangent: dP)
                    adam.step(&x, g.camera)
                    lastLoss = loss
                }
                let error = ((x[1] - truth.elevation) * (x[1] - truth.elevation) + (x[2] - truth.azimuth) * (x[2] - truth.azimuth)).squareRoot()
                errors.append(error)
                if error < 5 { successes += 1 }
                let final = try MeshSilhouette().render(mesh, Camera(distance: max(x[0], 0.5), elevation: x[1], azimuth: x[2], viewAngle: min(max(x[3], 1), 80)), hard)
                print(String(format: "  %@ problem %d/%d: loss %.3f, angular error %.1f°, hard IoU %.3f", name, run + 1, runs, lastLoss, error, IoULoss.hardIoU(final, target)))
                if run == 0, let png { try writeStrip([startImage, target, final], size: size, cell: 4, to: "\(png)-\(name).png") }
            }
            let median = errors.sorted()[errors.count / 2]
            summary.append((name, successes, median))
            print(String(format: "%@: success %d/%d, median angular error %.1f°", name, successes, runs, median))
        }
        print("\n| distribution | success (angular error < 5°) | median error |\n|---|---|---|")
        for (name, k, median) in summary { print(String(format: "| %@ | %d/%d | %.1f° |", name, k, runs, median)) }
    }
}

/// `relax render fit-shape`: deform a sphere to match the silhouettes of a target mesh from
/// several views (the shape experiment of arXiv 2204.13845, Sec. 5, scaled down).
struct RenderFitShapeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit-shape",
        abstract: "Deform an icosphere to a target's silhouettes (IoU + Laplacian); report the final IoU; write PNG and OBJ.")
    @Option(help: "Target mesh.")
    var target: String = "l-shape"
    @Option(help: "Icosphere level of the template (2: 162 vertices, 320 faces).")
    var level: Int = 2
    @Option(help: "Distribution.")
    var distribution: String = "uniform"
    @Option(help: "τ.")
    var scale: Double = 0.02
    @Option(help: "T-conorm.")
    var tconorm: String = "probabilistic"
    @Option(help: "Views (azimuths evenly spaced, elevation 30°).")
    var views: Int = 8
    @Option(help: "Steps.")
    var steps: Int = 150
    @Option(help: "Adam learning rate.")
    var lr: Double = 0.01
    @Option(help: "Laplacian weight.")
    var laplacian: Double = 0.03
    @Option(help: "Image size.")
    var size: Int = 32
    @Option(help: "Output prefix: PREFIX.png (target vs result, 4 views) and PREFIX.obj.")
    var output: String = "fit-shape"

    func run() async throws {
        let targetMesh = try TriangleMesh.named(target)
        var mesh = try TriangleMesh.icosphere(radius: 0.5, level: level)
        let neighbours = mesh.neighbours()
        let cameras = try (0..<views).map { try Camera(distance: 2.732, elevation: 30, azimuth: -360 * Double($0) / Double(views), viewAngle: 15) }
        let hard = try hardSettings(size: size)
        let targets = try cameras.map { try MeshSilhouette().render(targetMesh, $0, hard) }
        let s = try SilhouetteSettings(size: size, distribution: .named(distribution), scale: scale, tconorm: TConorm(name: tconorm, parameter: tconorm == "yager" ? 2 : nil))
        var adam = Adam(count: mesh.positions.count, lr: lr, beta1: 0.5, beta2: 0.95)
        func hardIoU() throws -> Double {
            try zip(cameras, targets).map { IoULoss.hardIoU(try MeshSilhouette().render(mesh, $0, hard), $1) }.reduce(0, +) / Double(views)
        }
        let startIoU = try hardIoU()
        let start = Date()
        for step in 0..<steps {
            var gradient = [Double](repeating: 0, count: mesh.positions.count), loss = 0.0
            for (camera, targetImage) in zip(cameras, targets) {
                let image = try MeshSilhouette().render(mesh, camera, s)
                let (l, dP) = IoULoss.value(image, targetImage)
                let g = try MeshSilhouette().gradient(mesh, camera, s, cotangent: dP.map { $0 / Double(views) }, cameraGradient: false)
                loss += l / Double(views)
                for i in gradient.indices { gradient[i] += g.vertices[i] }
            }
            let (energy, lg) = mesh.laplacian(neighbours)
            for i in gradient.indices { gradient[i] += laplacian * lg[i] }
            var x = mesh.positions
            adam.step(&x, gradient)
            mesh = try TriangleMesh(positions: x, faces: mesh.faces)
            if step % 25 == 0 || step == steps - 1 {
                print(String(format: "  step %3d: IoU loss %.4f, Laplacian %.4f, hard IoU %.3f (%.1f s)", step, loss, energy, try hardIoU(), Date().timeIntervalSince(start)))
            }
        }
        let finalIoU = try hardIoU()
        print(String(format: "hard IoU over %d views: start %.3f → final %.3f (%d steps, %@ τ=%g, %@)", views, startIoU, finalIoU, steps, distribution, scale, tconorm))
        var strip: [[Double]] = []
        for k in stride(from: 0, to: views, by: max(1, views / 4)) { strip += [targets[k], try MeshSilhouette().render(mesh, cameras[k], hard)] }
        try writeStrip(strip, size: size, cell: 3, to: output + ".png")
        try mesh.objText().write(toFile: output + ".obj", atomically: true, encoding: .utf8)
        print("wrote \(output).png (target/result pairs) and \(output).obj")
    }
}

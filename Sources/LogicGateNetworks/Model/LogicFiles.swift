import Foundation

/// File helpers for the `relax logic` commands: models (`.json`, `.json.gz`) and the shipped datasets.
public enum LogicFiles {
    /// Reads a file, decompressing `.gz` (gzip magic) with the system's `gzip -dc`.
    public static func read(_ path: String) throws(LogicNetworkError) -> Data {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadable("\(path): \(error.localizedDescription)")
        }
        guard data.count >= 2, data[data.startIndex] == 0x1F, data[data.startIndex + 1] == 0x8B else { return data }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .malformedModel("\(path) is gzip-compressed and gzip could not be started: \(error)") }
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw .malformedModel("\(path): gzip -dc failed (corrupt .gz?)") }
        return out
    }

    public static func loadModel(_ path: String) throws(LogicNetworkError) -> HardLogicGateNetwork {
        try HardLogicGateNetwork(jsonData: read(path))
    }

    /// Finds `fixtures/data` from the working directory or above the executable (e.g. `.build/release/relax`).
    public static func defaultDataDirectory() -> String? {
        var candidates = [FileManager.default.currentDirectoryPath]
        var exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(exe.path)
            exe = exe.deletingLastPathComponent()
        }
        for c in candidates {
            let d = URL(fileURLWithPath: c).appendingPathComponent("fixtures/data").path
            if FileManager.default.fileExists(atPath: d + "/digits-train-x.npy") { return d }
        }
        return nil
    }

    /// Loads `NAME-{train,test}-{x,y}.npy` written by `fixtures/generate/logic_data.py`.
    public static func loadDataset(_ name: String, part: String, directory: String, classes: Int) throws(LogicNetworkError) -> LogicDataset {
        let x = try NPYArray(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)-\(part)-x.npy"))
        let y = try NPYArray(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)-\(part)-y.npy"))
        guard x.shape.count == 2, let bytes = x.bytes() else { throw .malformedArray("\(name)-\(part)-x.npy must be a 2-D array of 0/1") }
        return try LogicDataset(bits: x.shape[1], x: bytes, labels: y.doubles().map { Int($0) }, classes: classes)
    }
}

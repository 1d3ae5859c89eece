// libFuzzer entry point of the fuzz target "algo-csv" (built and run by Fuzz/run.sh).
import FuzzHarness

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    if case .invalid(let message) = FuzzTarget.algoCSV.run(bytes) { fatalError(message) }
    return 0
}

import Foundation
@_exported import ProofSupport

/// Runs `body` and returns its verdict, evidence and figure with the seconds it took.
func timed(_ body: () -> (Certificate.Verdict, [String], String)) -> (Certificate.Verdict, [String], String, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let (v, e, f) = body()
    return (v, e, f, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

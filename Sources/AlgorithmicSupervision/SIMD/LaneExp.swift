// A vectorised `exp` for lane groups: the SIMD programs spend most of their time in the
// exponentials of σ and of the soft arg-min, and the scalar libm call per lane costs about as
// much as everything else together.
//
// Method: Cody–Waite reduction `x = n·ln 2 + r`, `|r| ≤ ½ ln 2`, with `n` rounded by the
// 1.5·2⁵² trick (no `.rounded()`, which lowers to scalar code); `e^r` by its Taylor polynomial
// to degree 12 (truncation error `r¹³/13! < 2e-16`); `2ⁿ` built in the exponent bits.
// Results below e^−708 (where 2ⁿ would be subnormal) are flushed to 0; above 709.78, +∞.
// Measured accuracy against `Double.exp` (tests, `LaneExpTests`): ≤ 4 ulp on [−708, 709].

/// `e^x` per lane (see the file header for accuracy).
@inline(__always) func fastExp(_ x: Lane) -> Lane {
    let log2e = Lane(repeating: 1.4426950408889634)
    let ln2Hi = Lane(repeating: 6.93147180369123816490e-01)
    let ln2Lo = Lane(repeating: 1.90821492927058770002e-10)
    let magic = Lane(repeating: 6755399441055744.0)   // 1.5 · 2⁵²
    let clamped = x.replacing(with: -745, where: x .< -745).replacing(with: 710, where: x .> 710)
    let shifted = clamped * log2e + magic
    let n = shifted - magic
    let r = (clamped - n * ln2Hi) - n * ln2Lo
    // Horner: Σ_{k ≤ 12} r^k / k!
    var p = Lane(repeating: 1.0 / 479001600)
    p = p * r + 1.0 / 39916800
    p = p * r + 1.0 / 3628800
    p = p * r + 1.0 / 362880
    p = p * r + 1.0 / 40320
    p = p * r + 1.0 / 5040
    p = p * r + 1.0 / 720
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    let ni = unsafeBitCast(shifted, to: SIMD4<Int64>.self) &- unsafeBitCast(magic, to: SIMD4<Int64>.self)
    let scale = unsafeBitCast((ni &+ 1023) &<< 52, to: Lane.self)
    var y = p * scale
    y.replace(with: 0, where: x .< -708)
    y.replace(with: .infinity, where: x .> 709.78)
    return y
}

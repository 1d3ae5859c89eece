import PropertyBased
import Testing

/// Runs `body` on `count` values drawn from `generator` with a fixed seed, so failures reproduce.
/// (swift-property-based's `propertyCheck` draws a fresh random seed per run; its `.fixedSeed`
/// trait is meant for debugging only and reports an issue when nothing fails.)
func forAll<Value, Shrinks>(
    seed: UInt64, count: Int = 300, _ generator: Generator<Value, Shrinks>,
    _ body: (Value) throws -> Void
) rethrows {
    var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 0x8CB9_2BA7_2F3D_8DD7))
    for _ in 0..<count { try body(generator.run(using: &rng)) }
}

/// Random finite doubles over the whole range (every exponent, subnormals, both signs).
let finiteDoubles = Gen.int64(in: .min ... .max)
    .map { Double(bitPattern: UInt64(bitPattern: $0)) }
    .filter { $0.isFinite }

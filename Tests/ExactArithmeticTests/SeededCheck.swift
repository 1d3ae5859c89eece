import PropertyBased
import Testing

/// Random finite doubles over the whole range (every exponent, subnormals, both signs).
let finiteDoubles = Gen.int64(in: .min ... .max)
    .map { Double(bitPattern: UInt64(bitPattern: $0)) }
    .filter { $0.isFinite }

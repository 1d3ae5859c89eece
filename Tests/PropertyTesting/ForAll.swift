import PropertyBased

// Seeded property checks shared by every test target.
//
// swift-property-based's `propertyCheck` draws a fresh random seed on every run, and its
// `.fixedSeed` trait is a debugging aid that records an issue even when nothing fails. CI needs
// reproducible runs, so these helpers draw `count` inputs from the library's generators with a
// fixed Xoshiro seed: every run checks exactly the same cases, and a failure reproduces as is.

/// The generator state for `seed` (the other three words are fixed odd constants).
public func seededRandom(_ seed: UInt64) -> Xoshiro {
    Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 0x8CB9_2BA7_2F3D_8DD7))
}

/// Runs `body` on `count` values drawn from `ga` with a fixed seed.
public func forAll<A, SA>(
    seed: UInt64, count: Int = 100, _ ga: Generator<A, SA>, _ body: (A) throws -> Void
) rethrows {
    var rng = seededRandom(seed)
    for _ in 0..<count { try body(ga.run(using: &rng)) }
}

/// Runs `body` on `count` pairs drawn with a fixed seed.
public func forAll<A, B, SA, SB>(
    seed: UInt64, count: Int = 100, _ ga: Generator<A, SA>, _ gb: Generator<B, SB>, _ body: (A, B) throws -> Void
) rethrows {
    var rng = seededRandom(seed)
    for _ in 0..<count { try body(ga.run(using: &rng), gb.run(using: &rng)) }
}

/// Runs `body` on `count` triples drawn with a fixed seed.
public func forAll<A, B, C, SA, SB, SC>(
    seed: UInt64, count: Int = 100, _ ga: Generator<A, SA>, _ gb: Generator<B, SB>, _ gc: Generator<C, SC>,
    _ body: (A, B, C) throws -> Void
) rethrows {
    var rng = seededRandom(seed)
    for _ in 0..<count { try body(ga.run(using: &rng), gb.run(using: &rng), gc.run(using: &rng)) }
}

/// Runs `body` on `count` quadruples drawn with a fixed seed.
public func forAll<A, B, C, D, SA, SB, SC, SD>(
    seed: UInt64, count: Int = 100, _ ga: Generator<A, SA>, _ gb: Generator<B, SB>, _ gc: Generator<C, SC>,
    _ gd: Generator<D, SD>, _ body: (A, B, C, D) throws -> Void
) rethrows {
    var rng = seededRandom(seed)
    for _ in 0..<count { try body(ga.run(using: &rng), gb.run(using: &rng), gc.run(using: &rng), gd.run(using: &rng)) }
}

/// A machine word holding one bit per sample: `UInt64` (64 samples) or a SIMD vector of them
/// (`SIMD2/4/8<UInt64>`: 128/256/512 samples). Bit `s` of lane `k` is sample `64·k + s` (LSB first).
public protocol BitSliceWord: Sendable {
    static var lanes: Int { get }
    static var zero: Self { get }
    static var ones: Self { get }
    static func & (lhs: Self, rhs: Self) -> Self
    static func | (lhs: Self, rhs: Self) -> Self
    static func ^ (lhs: Self, rhs: Self) -> Self
    static prefix func ~ (x: Self) -> Self
    func lane(_ k: Int) -> UInt64
    /// Every lane set to `v`.
    static func broadcast(_ v: UInt64) -> Self
}

extension UInt64: BitSliceWord {
    @inlinable public static var lanes: Int { 1 }
    @inlinable public static var ones: UInt64 { ~0 }
    @inlinable public func lane(_ k: Int) -> UInt64 { self }
    @inlinable public static func broadcast(_ v: UInt64) -> UInt64 { v }
}

extension SIMD2: BitSliceWord where Scalar == UInt64 {
    @inlinable public static var lanes: Int { 2 }
    @inlinable public static var ones: Self { Self(repeating: ~0) }
    @inlinable public func lane(_ k: Int) -> UInt64 { self[k] }
    @inlinable public static func broadcast(_ v: UInt64) -> Self { Self(repeating: v) }
}

extension SIMD4: BitSliceWord where Scalar == UInt64 {
    @inlinable public static var lanes: Int { 4 }
    @inlinable public static var ones: Self { Self(repeating: ~0) }
    @inlinable public func lane(_ k: Int) -> UInt64 { self[k] }
    @inlinable public static func broadcast(_ v: UInt64) -> Self { Self(repeating: v) }
}

extension SIMD8: BitSliceWord where Scalar == UInt64 {
    @inlinable public static var lanes: Int { 8 }
    @inlinable public static var ones: Self { Self(repeating: ~0) }
    @inlinable public func lane(_ k: Int) -> UInt64 { self[k] }
    @inlinable public static func broadcast(_ v: UInt64) -> Self { Self(repeating: v) }
}

/// The word widths ``BitSlicedLogicNetwork`` can run with.
public enum BitSliceWidth: Int, CaseIterable, Sendable {
    case w64 = 64, w128 = 128, w256 = 256, w512 = 512
    public var samplesPerWord: Int { rawValue }
}

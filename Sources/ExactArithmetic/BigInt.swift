import CGMP

/// An arbitrary-precision signed integer backed by GMP's `mpz_t`.
///
/// Value semantics: copies share one immutable GMP value; a mutating operator writes in place only
/// when this value is the sole owner (copy-on-write), otherwise it works on a fresh copy. GMP
/// memory is released when the last copy goes away.
///
/// Division by zero traps (like `Int`); use ``quotientAndRemainder(dividingBy:)`` on a non-zero
/// divisor or check ``isZero`` first.
public struct BigInt: Sendable {
    @usableFromInline var storage: MPZStorage

    @usableFromInline init(storage: MPZStorage) { self.storage = storage }

    /// Zero.
    public init() { storage = MPZStorage() }

    /// The value of `value`.
    public init(_ value: Int) {
        storage = MPZStorage()
        __gmpz_set_si(storage.pointer, value)
    }

    /// Any binary integer, exactly.
    public init<T: BinaryInteger>(_ source: T) {
        if let small = Int(exactly: source) {
            self.init(small)
            return
        }
        let result = MPZStorage()
        let words = Array(source.magnitude.words)
        words.withUnsafeBufferPointer { buffer in
            __gmpz_import(result.pointer, buffer.count, -1, MemoryLayout<UInt>.size, 0, 0, buffer.baseAddress)
        }
        if source < 0 { __gmpz_neg(result.pointer, result.pointer) }
        self.init(storage: result)
    }

    /// Builds a result by letting `body` write into a fresh GMP integer.
    @inlinable static func make(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInt {
        let result = MPZStorage()
        body(result.pointer)
        return BigInt(storage: result)
    }

    /// Applies `body` in place, copying first if the storage is shared.
    @inlinable mutating func mutate(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) {
        if !isKnownUniquelyReferenced(&storage) {
            storage = MPZStorage(copying: storage.pointer)
        }
        body(storage.pointer)
    }

    @inlinable var pointer: UnsafeMutablePointer<__mpz_struct> { storage.pointer }

    /// −1, 0 or +1.
    public var signum: Int { mpzSign(pointer) }
    public var isZero: Bool { signum == 0 }
    public var isNegative: Bool { signum < 0 }
    /// Number of bits of `|self|` (0 for zero).
    public var bitWidth: Int { isZero ? 0 : Int(__gmpz_sizeinbase(pointer, 2)) }
    public var isOdd: Bool { __gmpz_tstbit(pointer, 0) == 1 }

    /// `Int` value if it fits.
    public var intValue: Int? { __gmpz_fits_slong_p(pointer) != 0 ? __gmpz_get_si(pointer) : nil }

    /// Three-way comparison: −1, 0, +1.
    public func compare(_ other: BigInt) -> Int { Int(__gmpz_cmp(pointer, other.pointer)).signum() }
    /// Three-way comparison with an `Int`: −1, 0, +1.
    public func compare(_ other: Int) -> Int { Int(__gmpz_cmp_si(pointer, other)).signum() }

    /// `self^exponent`.
    public func power(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "BigInt.power needs a non-negative exponent")
        return BigInt.make { __gmpz_pow_ui($0, pointer, UInt(exponent)) }
    }

    /// `2^exponent`.
    public static func powerOfTwo(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "BigInt.powerOfTwo needs a non-negative exponent")
        return make { __gmpz_setbit($0, UInt(exponent)) }
    }

    /// Greatest common divisor (non-negative).
    public static func gcd(_ a: BigInt, _ b: BigInt) -> BigInt { make { __gmpz_gcd($0, a.pointer, b.pointer) } }

    /// Truncated division (quotient rounds toward zero, remainder has the sign of `self`).
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        precondition(!divisor.isZero, "BigInt division by zero")
        let q = MPZStorage(), r = MPZStorage()
        __gmpz_tdiv_qr(q.pointer, r.pointer, pointer, divisor.pointer)
        return (BigInt(storage: q), BigInt(storage: r))
    }

    /// Floor division: `⌊self / divisor⌋`.
    public func floorDivided(by divisor: BigInt) -> BigInt {
        precondition(!divisor.isZero, "BigInt division by zero")
        return BigInt.make { __gmpz_fdiv_q($0, pointer, divisor.pointer) }
    }

    /// Ceiling division: `⌈self / divisor⌉`.
    public func ceilingDivided(by divisor: BigInt) -> BigInt {
        precondition(!divisor.isZero, "BigInt division by zero")
        return BigInt.make { __gmpz_cdiv_q($0, pointer, divisor.pointer) }
    }

    /// `self · 2^shift` (shift ≥ 0) or `⌊self / 2^−shift⌋` (shift < 0).
    public static func << (lhs: BigInt, rhs: Int) -> BigInt {
        if rhs >= 0 { return make { __gmpz_mul_2exp($0, lhs.pointer, UInt(rhs)) } }
        return make { __gmpz_fdiv_q_2exp($0, lhs.pointer, UInt(rhs.magnitude)) }
    }

    /// `⌊self / 2^shift⌋` (floor, also for negative values).
    public static func >> (lhs: BigInt, rhs: Int) -> BigInt { lhs << (-rhs) }

    /// Truncated quotient.
    public static func / (lhs: BigInt, rhs: BigInt) -> BigInt { lhs.quotientAndRemainder(dividingBy: rhs).quotient }
    /// Remainder of the truncated division.
    public static func % (lhs: BigInt, rhs: BigInt) -> BigInt { lhs.quotientAndRemainder(dividingBy: rhs).remainder }
}

import CGMP
import RealModule

/// An exact rational number backed by GMP's `mpq_t`, always in canonical form (coprime numerator
/// and denominator, denominator > 0).
///
/// Value semantics with copy-on-write, like ``BigInt``. Conforms to swift-numerics
/// `AlgebraicField`, so code written generically over `AlgebraicField & Comparable` runs exactly
/// on it. Division by zero traps (like integer division); ``reciprocal`` is `nil` for zero.
public struct Rational: Sendable {
    @usableFromInline var storage: MPQStorage

    @usableFromInline init(storage: MPQStorage) { self.storage = storage }

    /// Zero.
    public init() { storage = MPQStorage() }

    /// The integer `value`.
    public init(_ value: Int) {
        storage = MPQStorage()
        __gmpq_set_si(storage.pointer, value, 1)
    }

    /// The integer `value`.
    public init(_ value: BigInt) {
        storage = MPQStorage()
        __gmpq_set_z(storage.pointer, value.pointer)
    }

    /// `numerator / denominator`, canonicalised. Traps if `denominator` is zero; see
    /// ``init(numerator:denominator:)`` for the non-trapping form.
    public init(_ numerator: BigInt, _ denominator: BigInt) {
        precondition(!denominator.isZero, "Rational with denominator zero")
        storage = MPQStorage()
        __gmpz_set(storage.numerator, numerator.pointer)
        __gmpz_set(storage.denominator, denominator.pointer)
        __gmpq_canonicalize(storage.pointer)
    }

    /// `numerator / denominator` for `Int`s. Traps if `denominator` is zero.
    public init(_ numerator: Int, _ denominator: Int) {
        self.init(BigInt(numerator), BigInt(denominator))
    }

    /// `numerator / denominator`, or `nil` if the denominator is zero.
    public init?(numerator: BigInt, denominator: BigInt) {
        guard !denominator.isZero else { return nil }
        self.init(numerator, denominator)
    }

    @inlinable static func make(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) -> Rational {
        let result = MPQStorage()
        body(result.pointer)
        return Rational(storage: result)
    }

    @inlinable mutating func mutate(_ body: (UnsafeMutablePointer<__mpq_struct>) -> Void) {
        if !isKnownUniquelyReferenced(&storage) {
            storage = MPQStorage(copying: storage.pointer)
        }
        body(storage.pointer)
    }

    @inlinable var pointer: UnsafeMutablePointer<__mpq_struct> { storage.pointer }

    /// The canonical numerator (carries the sign).
    public var numerator: BigInt { BigInt(storage: MPZStorage(copying: storage.numerator)) }
    /// The canonical denominator (always > 0).
    public var denominator: BigInt { BigInt(storage: MPZStorage(copying: storage.denominator)) }

    /// −1, 0 or +1.
    public var signum: Int { mpzSign(storage.numerator) }
    public var isZero: Bool { signum == 0 }
    public var isInteger: Bool { __gmpz_cmp_ui(storage.denominator, 1) == 0 }

    /// `⌊self⌋`.
    public var floor: BigInt { BigInt.make { __gmpz_fdiv_q($0, storage.numerator, storage.denominator) } }
    /// `⌈self⌉`.
    public var ceil: BigInt { BigInt.make { __gmpz_cdiv_q($0, storage.numerator, storage.denominator) } }

    /// Three-way comparison (`mpq_cmp`): −1, 0, +1.
    public func compare(_ other: Rational) -> Int { Int(__gmpq_cmp(pointer, other.pointer)).signum() }
    /// Three-way comparison with an integer: −1, 0, +1.
    public func compare(_ other: Int) -> Int { Int(__gmpq_cmp_si(pointer, other, 1)).signum() }

    /// `self^exponent`; a negative exponent needs a non-zero base (traps otherwise).
    public func power(_ exponent: Int) -> Rational {
        if exponent < 0 {
            precondition(!isZero, "Rational.power: zero to a negative power")
            return (1 / self).power(-exponent)
        }
        return Rational.make { q in
            let num = UnsafeMutableRawPointer(q).assumingMemoryBound(to: __mpz_struct.self)
            let den = (UnsafeMutableRawPointer(q) + MemoryLayout<__mpq_struct>.offset(of: \__mpq_struct._mp_den)!)
                .assumingMemoryBound(to: __mpz_struct.self)
            __gmpz_pow_ui(num, storage.numerator, UInt(exponent))
            __gmpz_pow_ui(den, storage.denominator, UInt(exponent))
            // Powers of coprime integers are coprime and the denominator stays positive.
        }
    }

    /// `self · 2^exponent` (exact, any sign of `exponent`).
    public func timesPowerOfTwo(_ exponent: Int) -> Rational {
        exponent >= 0
            ? Rational.make { __gmpq_mul_2exp($0, pointer, UInt(exponent)) }
            : Rational.make { __gmpq_div_2exp($0, pointer, UInt(exponent.magnitude)) }
    }

    /// The midpoint `(a + b)/2`.
    public static func midpoint(_ a: Rational, _ b: Rational) -> Rational { (a + b).timesPowerOfTwo(-1) }
}

extension Rational: Equatable, Comparable, Hashable {
    public static func == (lhs: Rational, rhs: Rational) -> Bool { __gmpq_equal(lhs.pointer, rhs.pointer) != 0 }
    public static func < (lhs: Rational, rhs: Rational) -> Bool { __gmpq_cmp(lhs.pointer, rhs.pointer) < 0 }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(numerator)
        hasher.combine(denominator)
    }
}

extension Rational: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension Rational: AlgebraicField {
    public typealias Magnitude = Rational

    public init?<T: BinaryInteger>(exactly source: T) { self.init(BigInt(source)) }

    public var magnitude: Rational { signum >= 0 ? self : Rational.make { __gmpq_abs($0, pointer) } }

    /// `1/self`, or `nil` for zero.
    public var reciprocal: Rational? { isZero ? nil : Rational.make { __gmpq_inv($0, pointer) } }

    public static func + (lhs: Rational, rhs: Rational) -> Rational { make { __gmpq_add($0, lhs.pointer, rhs.pointer) } }
    public static func - (lhs: Rational, rhs: Rational) -> Rational { make { __gmpq_sub($0, lhs.pointer, rhs.pointer) } }
    public static func * (lhs: Rational, rhs: Rational) -> Rational { make { __gmpq_mul($0, lhs.pointer, rhs.pointer) } }
    /// Traps on division by zero.
    public static func / (lhs: Rational, rhs: Rational) -> Rational {
        precondition(!rhs.isZero, "Rational division by zero")
        return make { __gmpq_div($0, lhs.pointer, rhs.pointer) }
    }
    public static prefix func - (operand: Rational) -> Rational { make { __gmpq_neg($0, operand.pointer) } }

    public static func += (lhs: inout Rational, rhs: Rational) {
        let r = rhs.storage
        lhs.mutate { __gmpq_add($0, $0, r.pointer) }
    }
    public static func -= (lhs: inout Rational, rhs: Rational) {
        let r = rhs.storage
        lhs.mutate { __gmpq_sub($0, $0, r.pointer) }
    }
    public static func *= (lhs: inout Rational, rhs: Rational) {
        let r = rhs.storage
        lhs.mutate { __gmpq_mul($0, $0, r.pointer) }
    }
    /// Traps on division by zero.
    public static func /= (lhs: inout Rational, rhs: Rational) {
        precondition(!rhs.isZero, "Rational division by zero")
        let r = rhs.storage
        lhs.mutate { __gmpq_div($0, $0, r.pointer) }
    }
    public mutating func negate() { mutate { __gmpq_neg($0, $0) } }
}

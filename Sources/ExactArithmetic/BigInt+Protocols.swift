import CGMP

extension BigInt: Equatable, Comparable, Hashable {
    public static func == (lhs: BigInt, rhs: BigInt) -> Bool { __gmpz_cmp(lhs.pointer, rhs.pointer) == 0 }
    public static func < (lhs: BigInt, rhs: BigInt) -> Bool { __gmpz_cmp(lhs.pointer, rhs.pointer) < 0 }

    public func hash(into hasher: inout Hasher) {
        let z = pointer.pointee
        hasher.combine(z._mp_size)
        let limbs = Int(z._mp_size.magnitude)
        for k in 0..<limbs { hasher.combine(z._mp_d[k]) }
    }
}

extension BigInt: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension BigInt: SignedNumeric {
    public typealias Magnitude = BigInt

    public init?<T: BinaryInteger>(exactly source: T) { self.init(source) }

    public var magnitude: BigInt { signum >= 0 ? self : BigInt.make { __gmpz_abs($0, pointer) } }

    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt { make { __gmpz_add($0, lhs.pointer, rhs.pointer) } }
    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt { make { __gmpz_sub($0, lhs.pointer, rhs.pointer) } }
    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt { make { __gmpz_mul($0, lhs.pointer, rhs.pointer) } }
    public static prefix func - (operand: BigInt) -> BigInt { make { __gmpz_neg($0, operand.pointer) } }

    public static func += (lhs: inout BigInt, rhs: BigInt) {
        let r = rhs.storage
        lhs.mutate { __gmpz_add($0, $0, r.pointer) }
    }
    public static func -= (lhs: inout BigInt, rhs: BigInt) {
        let r = rhs.storage
        lhs.mutate { __gmpz_sub($0, $0, r.pointer) }
    }
    public static func *= (lhs: inout BigInt, rhs: BigInt) {
        let r = rhs.storage
        lhs.mutate { __gmpz_mul($0, $0, r.pointer) }
    }
    public mutating func negate() { mutate { __gmpz_neg($0, $0) } }
}

extension BigInt: LosslessStringConvertible, CustomStringConvertible {
    /// Decimal digits with an optional leading `-` or `+`; nothing else (no spaces, no `_`).
    public init?(_ description: String) {
        guard let value = try? BigInt(parsing: description) else { return nil }
        self = value
    }

    /// Parses a decimal integer; throws ``ExactArithmeticError/malformedLiteral(_:)``.
    public init(parsing text: String) throws(ExactArithmeticError) {
        var digits = Substring(text)
        var negative = false
        if let first = digits.first, first == "-" || first == "+" {
            negative = first == "-"
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw .malformedLiteral(text)
        }
        let result = MPZStorage()
        let status = String(digits).withCString { __gmpz_set_str(result.pointer, $0, 10) }
        guard status == 0 else { throw .malformedLiteral(text) }
        if negative { __gmpz_neg(result.pointer, result.pointer) }
        self.init(storage: result)
    }

    /// Decimal representation, e.g. `-12345`.
    public var description: String {
        // Our own buffer: never a block from GMP's allocator that we would have to free.
        let capacity = Int(__gmpz_sizeinbase(pointer, 10)) + 2
        var buffer = [CChar](repeating: 0, count: capacity)
        buffer.withUnsafeMutableBufferPointer { _ = __gmpz_get_str($0.baseAddress, 10, pointer) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

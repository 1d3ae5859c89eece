import CGMP

// Storage of the GMP values behind `BigInt` and `Rational`.
//
// Each storage object owns one heap-allocated `mpz_t` / `mpq_t` (allocated by us, so its address
// is stable for GMP's pointer API) and releases it in `deinit` (`mpz_clear` / `mpq_clear`), so
// GMP memory lives exactly as long as the last value that refers to it.
//
// Why `@unchecked Sendable` is safe: a storage object is mutated only (a) while it is being
// constructed, before any other reference to it exists, or (b) by a mutating operator of the
// owning value after `isKnownUniquelyReferenced` proved that this value holds the only reference
// (copy-on-write). A storage object that is reachable from more than one value — and hence
// possibly from more than one thread — is therefore never written, only read, and GMP's read
// functions do not modify their `const` arguments.

@usableFromInline
final class MPZStorage: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<__mpz_struct>

    @usableFromInline init() {
        pointer = .allocate(capacity: 1)
        __gmpz_init(pointer)
    }

    /// A new storage holding a copy of `other`.
    @usableFromInline init(copying other: UnsafePointer<__mpz_struct>) {
        pointer = .allocate(capacity: 1)
        __gmpz_init_set(pointer, other)
    }

    deinit {
        __gmpz_clear(pointer)
        pointer.deallocate()
    }
}

@usableFromInline
final class MPQStorage: @unchecked Sendable {
    @usableFromInline let pointer: UnsafeMutablePointer<__mpq_struct>

    @usableFromInline init() {
        pointer = .allocate(capacity: 1)
        __gmpq_init(pointer)
    }

    @usableFromInline init(copying other: UnsafePointer<__mpq_struct>) {
        pointer = .allocate(capacity: 1)
        __gmpq_init(pointer)
        __gmpq_set(pointer, other)
    }

    /// `mpq_numref`: the numerator as an `mpz_t` inside the rational.
    @usableFromInline var numerator: UnsafeMutablePointer<__mpz_struct> {
        UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: __mpz_struct.self)
    }

    /// `mpq_denref`: the denominator as an `mpz_t` inside the rational.
    @usableFromInline var denominator: UnsafeMutablePointer<__mpz_struct> {
        (UnsafeMutableRawPointer(pointer) + MemoryLayout<__mpq_struct>.offset(of: \__mpq_struct._mp_den)!)
            .assumingMemoryBound(to: __mpz_struct.self)
    }

    deinit {
        __gmpq_clear(pointer)
        pointer.deallocate()
    }
}

/// `mpz_sgn` (a macro in gmp.h, hence not imported).
@inlinable func mpzSign(_ z: UnsafePointer<__mpz_struct>) -> Int {
    let size = z.pointee._mp_size
    return size < 0 ? -1 : (size > 0 ? 1 : 0)
}

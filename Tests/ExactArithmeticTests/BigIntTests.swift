import PropertyTesting
import ExactArithmetic
import PropertyBased
import Testing

@Suite struct BigIntTests {
    @Test func arithmeticAgreesWithInt() {
        let small = Gen.int(in: -3_000_000_000 ... 3_000_000_000)
        forAll(seed: 1, zip(small, small)) { a, b in
            let x = BigInt(a), y = BigInt(b)
            #expect(x + y == BigInt(a + b))
            #expect(x - y == BigInt(a - b))
            #expect(x * y == BigInt(a * b))
            #expect((x < y) == (a < b))
            #expect(x.compare(b) == (a < b ? -1 : (a == b ? 0 : 1)))
            if b != 0 {
                let (q, r) = x.quotientAndRemainder(dividingBy: y)
                #expect(q == BigInt(a / b) && r == BigInt(a % b), "\(a) / \(b)")
                let inexact = a % b != 0, negative = (a < 0) != (b < 0)
                #expect(x.floorDivided(by: y) == BigInt(a / b - (inexact && negative ? 1 : 0)))
                #expect(x.ceilingDivided(by: y) == BigInt(a / b + (inexact && !negative ? 1 : 0)))
            }
            #expect((x + y).hashValue == BigInt(a + b).hashValue)
        }
    }

    @Test func largeValuesAndStrings() throws {
        let twoTo200 = BigInt.powerOfTwo(200)
        #expect(twoTo200.description == "1606938044258990275541962092341162602522202993782792835301376")
        #expect(BigInt(2).power(200) == twoTo200)
        #expect(twoTo200.bitWidth == 201)
        #expect((twoTo200 >> 199) == 2 && (BigInt(-5) >> 1) == -3)
        let parsed = try #require(BigInt("-123456789012345678901234567890"))
        #expect(parsed.description == "-123456789012345678901234567890")
        #expect(parsed * -1 == BigInt("123456789012345678901234567890"))
        #expect(BigInt(UInt64.max) == BigInt("18446744073709551615"))
        #expect(BigInt(Int64.min).description == "-9223372036854775808")
        #expect(BigInt.gcd(BigInt(12), BigInt(-18)) == 6)
        #expect(BigInt(42).intValue == 42 && twoTo200.intValue == nil)
    }

    @Test(arguments: ["", "-", "+", "1 2", " 12", "12 ", "0x10", "1_000", "١٢", "1.5", "--1"])
    func rejectsMalformed(_ text: String) {
        #expect(BigInt(text) == nil)
        #expect(throws: ExactArithmeticError.malformedLiteral(text)) { try BigInt(parsing: text) }
    }

    @Test func stringRoundTrip() {
        forAll(seed: 2, Gen.int(in: 1...60).array(of: 1...8)) { parts in
            var x = BigInt(1)
            for p in parts { x = x * BigInt(p) - BigInt(p * 7919) }
            #expect(BigInt(x.description) == x)
        }
    }

    @Test func copyOnWriteKeepsValueSemantics() {
        var a = BigInt(10)
        let b = a
        a += 5
        a *= 3
        a -= 1
        #expect(a == 44 && b == 10)
        var c = BigInt(7)
        c += c
        #expect(c == 14)
    }
}

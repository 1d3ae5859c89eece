import Foundation

extension NPYFile {
    /// Parses the Python-literal header dict: `{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }`.
    static func parseHeader(_ header: String, allowed: [DType]) throws(FormatError) -> (DType, [Int]) {
        func value(of key: String) throws(FormatError) -> Substring {
            guard let r = header.range(of: "'\(key)'") else { throw FormatError(reason: "header has no '\(key)' entry: \(header)") }
            var rest = header[r.upperBound...].drop { $0 == " " }
            guard rest.first == ":" else { throw FormatError(reason: "malformed header entry '\(key)'") }
            rest = rest.dropFirst().drop { $0 == " " }
            return rest
        }
        let descrRest = try value(of: "descr")
        guard let quote = descrRest.first, quote == "'" || quote == "\"",
              let end = descrRest.dropFirst().firstIndex(of: quote) else {
            throw FormatError(reason: "malformed 'descr' in header (structured dtypes are not supported)")
        }
        let descr = String(descrRest[descrRest.index(after: descrRest.startIndex)..<end])
        // Single-byte types have no byte order; NumPy writes '|u1', some writers '<u1'.
        guard let dtype = DType(rawValue: descr == "<u1" ? "|u1" : descr), allowed.contains(dtype) else {
            let names = allowed.map(\.rawValue).joined(separator: ", ")
            throw FormatError(reason: "unsupported dtype '\(descr)' (allowed: \(names))")
        }
        let fortran = try value(of: "fortran_order")
        if fortran.hasPrefix("True") {
            throw FormatError(reason: "Fortran-order arrays are not supported (write the array in C order)")
        }
        guard fortran.hasPrefix("False") else { throw FormatError(reason: "malformed 'fortran_order' in header") }
        let shapeRest = try value(of: "shape")
        guard shapeRest.first == "(", let close = shapeRest.firstIndex(of: ")") else {
            throw FormatError(reason: "malformed 'shape' in header")
        }
        var shape: [Int] = []
        for part in shapeRest[shapeRest.index(after: shapeRest.startIndex)..<close].split(separator: ",") {
            let t = part.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
            if t.isEmpty { continue }
            guard let d = Int(String(t)), d >= 0 else { throw FormatError(reason: "malformed dimension '\(String(t))' in shape") }
            shape.append(d)
        }
        return (dtype, shape)
    }
}

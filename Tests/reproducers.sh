#!/usr/bin/env bash
# Runs every reproducer of the hardening issue through `relax` under a 4 GB address-space limit
# (ulimit -v 4000000) and checks that each ends in a correct result or a typed error: exit status
# 0 or 1/64 with an "Error:" line, never a signal (status > 128), never "nan" in the output.
# Usage: Tests/reproducers.sh [path/to/relax]   (default: builds and uses .build/release/relax)
set -uo pipefail
cd "$(dirname "$0")/.."
relax=${1:-}
if [ -z "$relax" ]; then swift build -c release --product relax >&2 || exit 1; relax=.build/release/relax; fi
relax=$(cd "$(dirname "$relax")" && pwd)/$(basename "$relax")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# Inputs, written with the standard library only (python3).
python3 - <<'PY'
import gzip, json, struct
def npy(shape, descr, payload=b""):
    h = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (descr, "(%d,)" % shape[0] if len(shape) == 1 else str(tuple(shape)))
    h += " " * ((64 - (10 + len(h) + 1) % 64) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(h)) + h.encode() + payload
model = {"format": "logic-gate-network/1", "input_bits": 4, "layers": [{"a": [0, 1], "b": [2, 3], "gates": [1, 6]}], "group_sum": {"classes": 2, "tau": 1}}
json.dump(model, open("model.json", "w"))
open("x.npy", "wb").write(npy((8, 4), "|u1", bytes([0, 1] * 16)))
for name, v in [("nan", float("nan")), ("inf", float("inf")), ("big", 1e300), ("frac", 2.5), ("neg", -5.0), ("one", 1.0)]:
    open("y-%s.npy" % name, "wb").write(npy((8,), "<f8", struct.pack("<8d", *[v] * 8)))
open("y-i64.npy", "wb").write(npy((8,), "<i8", struct.pack("<8q", *[2**60] * 8)))
open("y-shape81.npy", "wb").write(npy((8, 1), "<i8", struct.pack("<8q", *[1] * 8)))
open("x-zero-huge.npy", "wb").write(npy((0, 10**14), "|u1"))
m = dict(model); m["input_bits"] = 10**14; json.dump(m, open("model-huge.json", "w"))
m = dict(model); m["layers"] = [{"a": [0, 1], "b": [2, 3], "gates": [2.0, 6]}]; json.dump(m, open("model-gate2.0.json", "w"))
open("side-zero.npy", "wb").write(npy((0, 2**30), "<f8"))
json.dump({"format": "relaxations-fixture/1", "method": "sort", "params": {"network": "bitonic"},
           "cases": [{"input": {"x": {"npy": "side-zero.npy"}}, "expected": {"y": {"npy": "side-zero.npy"}}}]}, open("sort-zero.json", "w"))
open("side-layer.npy", "wb").write(npy((0, 2**62), "<f8"))
json.dump({"format": "relaxations-fixture/1", "method": "logic-layer",
           "cases": [{"input": {"x": {"npy": "side-layer.npy"}, "a": [0], "b": [1], "logits": [[0] * 16]}, "expected": {"y": [[0.5]]}}]},
          open("layer-zero.json", "w"))
with gzip.open("bomb.json.gz", "wb", compresslevel=9) as f:   # 3 GiB of spaces in about 3 MB
    f.write(b'{"format": "logic-gate-network/1", "pad": "')
    chunk = b" " * (1 << 20)
    for _ in range(3072): f.write(chunk)
    f.write(b'"}')
x = list(range(10000))
json.dump(x, open("n10000.json", "w"))
json.dump(list(range(100000)), open("n100000.json", "w"))
json.dump(list(range(4200)), open("n4200.json", "w"))
json.dump({"logits": [x], "labels": [0]}, open("topk10000.json", "w"))
json.dump({"format": "relaxations-fixture/1", "method": "topk-loss", "params": {"method": "odd_even", "p_k": [0.5, 0.5]},
           "cases": [{"input": {"logits": [x], "labels": [0]}, "expected": {"loss": 0}}]}, open("topk-fixture.json", "w"))
open("bom.json", "wb").write(b"\xef\xbb\xbf[3, 1, 2]")
PY

failures=0
# expect NAME WANT COMMAND...  (WANT: ok = exit 0 and no nan; error = typed error, exit 1 or 64)
expect() {
    local name=$1 want=$2; shift 2
    local out status
    out=$( (ulimit -v 4000000; "$@") 2>&1 )
    status=$?
    local verdict=ok
    if [ $status -gt 128 ]; then verdict="CRASH (signal $((status - 128)))"
    elif [ "$want" = ok ] && { [ $status -ne 0 ] || grep -qi nan <<<"$out"; }; then verdict="FAIL (status $status)"
    elif [ "$want" = error ] && { [ $status -eq 0 ] || ! grep -q "Error\|FAIL\|malformed\|exceeds\|error" <<<"$out"; }; then verdict="FAIL (status $status, no typed error)"
    fi
    [ "$verdict" = ok ] || failures=$((failures + 1))
    printf '%-44s %-6s %s | %s\n' "$name" "$want" "$verdict" "$(grep -m1 -i 'error\|accuracy\|"y"\|FAIL\|PASS\|loss' <<<"$out" | cut -c1-110)"
}

expect "1 reciprocal [1e308,-1e308,0]"            error sh -c "echo '[1e308,-1e308,0]' | '$relax' sort --family reciprocal"
expect "1 reciprocal steepness 1.7e308"           ok    sh -c "echo '[3,1,2]' | '$relax' sort --family reciprocal --steepness 1.7e308"
expect "1 reciprocal steepness 1.7e308 reference" ok    sh -c "echo '[3,1,2]' | '$relax' sort --family reciprocal --steepness 1.7e308 --implementation reference"
for y in nan inf big frac neg one i64 shape81; do
    expect "2 logic eval --labels $y"             error "$relax" logic eval --model model.json --inputs x.npy --labels "y-$y.npy"
done
expect "3 .npy shape (0, 10^14)"                  error "$relax" logic eval --model model.json --inputs x-zero-huge.npy
expect "3 model input_bits 10^14"                 error "$relax" logic eval --model model-huge.json --inputs x-zero-huge.npy
expect "3 sort fixture side file (0, 2^30)"       error "$relax" check sort-zero.json
expect "3 logic-layer fixture (0, 2^62)"          error "$relax" check layer-zero.json
expect "4 gzip bomb: logic eval"                  error "$relax" logic eval --model bomb.json.gz --inputs x.npy
expect "4 gzip bomb: check"                       error "$relax" check bomb.json.gz
expect "5 odd-even --values-only n = 10,000"      error "$relax" sort --network odd_even --values-only n10000.json
expect "5 bitonic with P n = 100,000"             error "$relax" sort n100000.json
expect "5 topk loss odd_even n = 10,000"          error "$relax" topk loss --method odd_even --p-k 0.5,0.5 topk10000.json
expect "5 check topk odd_even n = 10,000"         error "$relax" check topk-fixture.json
expect "6 JSON true/false"                        error sh -c "echo '[true,false,1]' | '$relax' sort"
expect "6 CSV 0x10"                               error sh -c "printf '0x10,1\n' | '$relax' sort"
expect "6 JSON with a byte-order mark"            ok    "$relax" sort bom.json
expect "6 --p-k 0.5,,0.5"                         error sh -c "echo '{\"logits\": [[1,2,3]], \"labels\": [0]}' | '$relax' topk loss --p-k 0.5,,0.5"
expect "6 gate id 2.0"                            error "$relax" logic eval --model model-gate2.0.json --inputs x.npy
expect "6 topk label 1.0"                         error sh -c "echo '{\"logits\": [[1,2,3]], \"labels\": [1.0]}' | '$relax' topk loss --p-k 0.5,0.5"
expect "6 --threads 0"                            error "$relax" logic eval --model model.json --inputs x.npy --threads 0
expect "6 --threads 1000"                         error "$relax" logic eval --model model.json --inputs x.npy --threads 1000
expect "6 --art-lambda 5 with cauchy"             error sh -c "echo '[3,1,2]' | '$relax' sort --family cauchy --art-lambda 5"
expect "limits: n = 4200 odd-even refused"        error "$relax" sort --network odd_even --values-only n4200.json
expect "limits: --max-memory 2e9 accepts it"      ok    "$relax" sort --network odd_even --values-only --max-memory 2000000000 n4200.json
echo "reproducers: $failures failure(s)"
[ $failures -eq 0 ]

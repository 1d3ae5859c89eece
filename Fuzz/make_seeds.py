#!/usr/bin/env python3
"""Writes the starting seeds of Fuzz/corpus/<target>/ (standard library only). The fuzzer adds
its own finds with `Fuzz/run.sh --merge`; crashes go to Fuzz/regressions/<target>/."""
import gzip, io, json, os, struct

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus")

def put(target, name, data):
    os.makedirs(os.path.join(root, target), exist_ok=True)
    with open(os.path.join(root, target, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())

def npy(shape, descr, payload):
    h = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (descr, "(%d,)" % shape[0] if len(shape) == 1 else str(tuple(shape)))
    h += " " * ((64 - (10 + len(h) + 1) % 64) % 64) + "\n"
    return b"\x93NUMPY\x01\x00" + struct.pack("<H", len(h)) + h.encode() + payload

def gz(b):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
        f.write(b)
    return buf.getvalue()

f8 = lambda *v: struct.pack("<%dd" % len(v), *v)
x23 = npy((2, 3), "<f8", f8(0.3, 0.1, 0.2, 5, 4, 6))
put("npy", "f8-2x3", x23)
put("npy", "f4-3", npy((3,), "<f4", struct.pack("<3f", 1, 2, 3)))
put("npy", "i8-labels", npy((4,), "<i8", struct.pack("<4q", 0, 1, 2, 9)))
put("npy", "i4-2x2", npy((2, 2), "<i4", struct.pack("<4i", 1, -1, 0, 7)))
put("npy", "u1-2x4", npy((2, 4), "|u1", bytes([0, 1, 1, 0, 255, 128, 0, 1])))
put("npy", "zero-rows-huge", npy((0, 10**14), "|u1", b""))
put("npy", "v2-header", b"\x93NUMPY\x02\x00" + struct.pack("<I", 118) + npy((1,), "<f8", f8(1))[10:])

model = {"format": "logic-gate-network/1", "input_bits": 3,
         "layers": [{"a": [0, 1], "b": [1, 2], "gates": [1, 6]}, {"a": [0, 1], "b": [1, 0], "gates": [7, 8]}],
         "group_sum": {"classes": 2, "tau": 2.0}}
put("logic-model", "tiny.json", json.dumps(model))
put("logic-model", "tiny.json.gz", gz(json.dumps(model).encode()))
put("logic-model", "gate-2.0.json", json.dumps(model).replace("[1, 6]", "[2.0, 6]"))

sort_fixture = {"format": "relaxations-fixture/1", "method": "sort", "params": {"network": "bitonic", "distribution": "cauchy"},
                "cases": [{"name": "a", "input": {"x": {"npy": "side.npy"}, "cotangent_y": [[1, 0, 0], [0, 1, 0]]},
                           "expected": {"y": [[0.1, 0.2, 0.3], [4, 5, 6]], "grad_x": [[0, 0, 1], [0, 1, 0]]}}]}
put("fixture", "sort-npy", json.dumps(sort_fixture).encode() + b"\0" + x23)
topk_fixture = {"format": "relaxations-fixture/1", "method": "topk-loss",
                "params": {"method": "odd_even", "p_k": [0.5, 0.5], "distribution": "logistic"},
                "cases": [{"name": "a", "input": {"logits": [[0.3, 0.1, 0.2], [5, 4, 6]], "labels": [0, 2]},
                           "expected": {"loss": 0.5}}]}
put("fixture", "topk", json.dumps(topk_fixture))
logic_fixture = {"format": "relaxations-fixture/1", "method": "logic-network",
                 "cases": [{"name": "a", "input": {"model": {"file": "side.json.gz"}, "x": [[0, 0, 0], [1, 0, 1]]},
                            "expected": {"counts": [[0, 1], [1, 0]]}}]}
put("fixture", "logic-gz", json.dumps(logic_fixture).encode() + b"\0" + gz(json.dumps(model).encode()))
layer_fixture = {"format": "relaxations-fixture/1", "method": "logic-layer",
                 "cases": [{"name": "a", "input": {"x": [[0.5, 0.2]], "a": [0], "b": [1], "logits": [[0] * 16], "cotangent_y": [[1]]},
                            "expected": {"y": [[0.5]], "grad_x": [[0, 0]]}}]}
put("fixture", "logic-layer", json.dumps(layer_fixture))
put("fixture", "gzipped-fixture", gz(json.dumps(topk_fixture).encode()))

for name, text in [("vector", "[3, 1, 2]"), ("batch", "[[0.3, 0.1, 0.2], [5, 4, 6]]"), ("csv", "3,1,2\n0,5,4\n"),
                   ("extreme", "[1e308, -1e308, 0]"), ("bom", "\ufeff[1.5e-300, -2, 7e10]"), ("csv-exp", "1e3, -2.5E-2,+4.\n")]:
    put("sort-input", name, text)
put("topk-input", "basic", json.dumps({"logits": [[1, 2, 3, 4, 5, 6], [0.5, -1, 2, 0, 1e3, -1e3]], "labels": [2, 5]}))
put("topk-input", "ties", json.dumps({"logits": [[0, 0, 0]], "labels": [1]}))
put("gzip", "text.gz", gz(b"hello, relaxations\n" * 20))
put("gzip", "two-members.gz", gz(b"first ") + gz(b"second"))
put("gzip", "empty.gz", gz(b""))

# algo-csv: the program is chosen by the input's length (0 bubble_sort, 1 shortest_path,
# 2 edit_distance, 3 counter, modulo 4), so each seed is padded with a comment line to its program.
def algo(name, program, text):
    data = text.encode()
    for extra in range(8):
        candidate = data + b"#" + b"x" * extra + b"\n"
        if len(candidate) % 4 == program:
            put("algo-csv", name, candidate)
            return
algo("bubble-sort", 0, "3,1,2\n0.5,-1,4\n")
algo("bubble-sort-cotangent", 0, "3,1,2\n\x001,0,0\n")
algo("shortest-path", 1, "1,5,1\n1,5,1\n1,1,1\n")
algo("shortest-path-cotangent", 1, "1,2\n3,1\n\x000,0\n0,1\n")
algo("edit-distance", 2, "kitten,sitting\nsitten,kitting\n")
algo("counter", 3, "0\n2.5\n-1\n")

#!/usr/bin/env python3
"""Conformance kit helper: turn a `relax fixtures template` into a fixture of YOUR implementation.

Single file, standard library + NumPy only. Copy it into your project (or import it from a
checkout of Relaxations). The flow:

    relax fixtures template --method sort --sizes 2,5,22 --out conformance/     # inputs, no answers
    python relaxations_conformance.py fill conformance/sort-template.json conformance/sort.json \
        --function mypackage.conformance:sort                                    # your answers
    relax check conformance/sort.json                                          # equal to ours?

Your function is called once per case as ``function(method, params, inputs)``:

* ``method``: the contract method name ("sort", "topk-loss", "logic-layer", "logic-network", ...);
* ``params``: a dict, the file's params overridden by the case's params (e.g. network,
  distribution, steepness for "sort");
* ``inputs``: a dict of NumPy arrays (float64, or int64 for integer inputs such as labels and
  wire indices); JSON objects such as a logic-gate-network model stay dicts.

It returns a dict mapping output names (the template's ``template.outputs``, e.g. y, p, grad_x)
to arrays or scalars; omit outputs you do not implement (they are simply not compared).
Arrays with at least ``--npy-threshold`` elements (default 256) are written as `.npy` side files
in ``<output stem>-npy/``; smaller ones inline.

An implementation that is not callable from Python (CUDA, an FPGA flow, ...) can instead write
one `.npy` per case and output, ``ANSWERS/<case name>/<output>.npy``, and run
``fill TEMPLATE OUT --answers ANSWERS``; ``inputs TEMPLATE DIR`` writes every case's inputs
as ``DIR/<case name>/<input>.npy`` (plus ``params.json``) for such programs to read.
"""

import argparse
import importlib
import json
import math
import os
import sys

import numpy as np

FORMAT = "relaxations-fixture/1"


class ConformanceError(Exception):
    """A malformed template, a bad answer, or a user function that failed on a case."""


def _decode(value, base):
    """JSON value -> NumPy array (nested numeric lists, {"npy": path}, the non-finite strings)."""
    if isinstance(value, dict) and set(value) == {"npy"}:
        return np.load(os.path.join(base, value["npy"]), allow_pickle=False)
    if isinstance(value, str) and value in ("NaN", "Infinity", "-Infinity"):
        return float(value.replace("Infinity", "inf"))
    if isinstance(value, list):
        items = [_decode(v, base) for v in value]
        array = np.array(items)
        if array.dtype.kind in "iu":
            return array.astype(np.int64)
        return array.astype(np.float64)
    return value


def _inputs(case, base):
    out = {}
    for key, value in case.get("input", {}).items():
        if isinstance(value, dict) and "npy" not in value:
            out[key] = value  # e.g. an inline model object
        else:
            out[key] = _decode(value, base)
    return out


def _encode(value):
    """NumPy / scalars -> JSON-compatible values (non-finite -> contract strings)."""
    if hasattr(value, "detach"):  # a torch tensor
        value = value.detach().cpu().numpy()
    if isinstance(value, np.ndarray):
        if value.dtype.kind in "iub":
            return value.astype(np.int64).tolist()
        return _encode(value.astype(np.float64).tolist())
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return v
    raise ConformanceError(f"cannot store a value of type {type(value).__name__}")


def load_template(path):
    with open(path) as f:
        document = json.load(f)
    if document.get("format") != FORMAT:
        raise ConformanceError(f"{path}: not a {FORMAT} file")
    if not isinstance(document.get("cases"), list):
        raise ConformanceError(f"{path}: no cases")
    return document


def cases(path):
    """Yields (name, method, params, inputs) for every case of a template."""
    document = load_template(path)
    base = os.path.dirname(os.path.abspath(path))
    for k, case in enumerate(document["cases"]):
        params = dict(document.get("params", {}))
        params.update(case.get("params", {}))
        yield case.get("name", f"#{k}"), document["method"], params, _inputs(case, base)


def _safe(name):
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in name)


def fill(template_path, out_path, function=None, answers=None, package=None, version=None, npy_threshold=256):
    """Writes a conformant fixture: the template with each case's ``expected`` filled in.

    Exactly one of ``function`` (called per case) or ``answers`` (a directory of
    ``<case>/<output>.npy``) gives the outputs. Returns the number of cases written."""
    if (function is None) == (answers is None):
        raise ConformanceError("give exactly one of function or answers")
    document = load_template(template_path)
    base = os.path.dirname(os.path.abspath(template_path))
    out_dir = os.path.dirname(os.path.abspath(out_path))
    stem = os.path.splitext(os.path.basename(out_path))[0]
    side = f"{stem}-npy"
    outputs_wanted = document.get("template", {}).get("outputs")
    filled = []
    for k, case in enumerate(document["cases"]):
        name = case.get("name", f"#{k}")
        params = dict(document.get("params", {}))
        params.update(case.get("params", {}))
        if function is not None:
            try:
                result = function(document["method"], params, _inputs(case, base))
            except Exception as error:  # name the case, keep the cause
                raise ConformanceError(f"case {name}: your function raised {type(error).__name__}: {error}") from error
        else:
            folder = os.path.join(answers, _safe(name))
            if not os.path.isdir(folder):
                raise ConformanceError(f"case {name}: no answers in {folder}")
            result = {f[:-4]: np.load(os.path.join(folder, f), allow_pickle=False) for f in sorted(os.listdir(folder)) if f.endswith(".npy")}
        if not isinstance(result, dict) or not result:
            raise ConformanceError(f"case {name}: expected a non-empty dict of outputs, got {type(result).__name__}")
        expected = {}
        for key, value in result.items():
            if outputs_wanted is not None and key not in outputs_wanted:
                raise ConformanceError(f"case {name}: unknown output '{key}' (this method's outputs: {outputs_wanted})")
            array = np.asarray(value.detach().cpu().numpy() if hasattr(value, "detach") else value)
            if array.dtype.kind not in "fiub":
                raise ConformanceError(f"case {name}: output '{key}' is not numeric ({array.dtype})")
            if array.size >= npy_threshold:
                os.makedirs(os.path.join(out_dir, side), exist_ok=True)
                relative = f"{side}/{_safe(name)}-{key}.npy"
                dtype = "<i8" if array.dtype.kind in "iub" else "<f8"
                np.save(os.path.join(out_dir, relative), np.ascontiguousarray(array.astype(dtype)), allow_pickle=False)
                expected[key] = {"npy": relative}
            else:
                expected[key] = _encode(array if array.ndim else array.item())
        case = dict(case)
        case["input"] = _relocate(case.get("input", {}), base, out_dir)
        case["expected"] = expected
        filled.append(case)
    header = {k: v for k, v in document.items() if k not in ("cases", "template")}
    source = dict(header.get("source", {}))
    source["package"] = package or source.get("package", "unknown")
    if version:
        source["version"] = version
    source["template"] = os.path.basename(template_path)
    header["source"] = source
    os.makedirs(out_dir, exist_ok=True)
    with open(out_path, "w") as f:
        head = json.dumps(header, indent=1, allow_nan=False, sort_keys=True)
        f.write(head[:-1].rstrip() + ',\n "cases": [\n')
        f.write(",\n".join("  " + json.dumps(c, separators=(",", ":"), allow_nan=False) for c in filled))
        f.write("\n ]\n}\n")
    return len(filled)


def _relocate(value, base, out_dir):
    """Rewrites {"npy": path} references of the template relative to the output's directory."""
    if isinstance(value, dict):
        if set(value) == {"npy"}:
            return {"npy": os.path.relpath(os.path.join(base, value["npy"]), out_dir)}
        return {k: _relocate(v, base, out_dir) for k, v in value.items()}
    if isinstance(value, list):
        return [_relocate(v, base, out_dir) for v in value]
    return value


def write_inputs(template_path, directory):
    """Writes every case's inputs as DIR/<case>/<input>.npy and its merged params.json."""
    count = 0
    for name, method, params, inputs in cases(template_path):
        folder = os.path.join(directory, _safe(name))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "params.json"), "w") as f:
            json.dump({"method": method, "params": params}, f, indent=1)
        for key, value in inputs.items():
            if isinstance(value, dict):
                with open(os.path.join(folder, f"{key}.json"), "w") as f:
                    json.dump(value, f)
            else:
                np.save(os.path.join(folder, f"{key}.npy"), np.asarray(value), allow_pickle=False)
        count += 1
    return count


def _load_function(spec):
    module_name, _, attribute = spec.partition(":")
    if not attribute:
        raise ConformanceError(f"--function must be module:function, got '{spec}'")
    module = importlib.import_module(module_name)
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise ConformanceError(f"module {module_name} has no '{attribute}'") from None


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    f = sub.add_parser("fill", help="fill a template's expected values with your outputs")
    f.add_argument("template")
    f.add_argument("output")
    group = f.add_mutually_exclusive_group(required=True)
    group.add_argument("--function", help="module:function called per case (the module must be importable; see --path)")
    group.add_argument("--answers", help="directory of <case>/<output>.npy files")
    f.add_argument("--path", action="append", default=[], help="extra directory on sys.path for --function")
    f.add_argument("--package", help="name of your implementation, recorded in source.package")
    f.add_argument("--version", help="its version, recorded in source.version")
    f.add_argument("--npy-threshold", type=int, default=256, help="arrays with this many elements or more go to .npy side files")
    i = sub.add_parser("inputs", help="write every case's inputs as .npy files for non-Python implementations")
    i.add_argument("template")
    i.add_argument("directory")
    args = parser.parse_args(argv)
    try:
        if args.command == "fill":
            sys.path[:0] = [os.path.abspath(p) for p in args.path]
            function = _load_function(args.function) if args.function else None
            n = fill(args.template, args.output, function=function, answers=args.answers,
                     package=args.package, version=args.version, npy_threshold=args.npy_threshold)
            print(f"wrote {args.output} ({n} cases); check it with: relax check {args.output}")
        else:
            n = write_inputs(args.template, args.directory)
            print(f"wrote the inputs of {n} cases to {args.directory}")
    except (ConformanceError, OSError, json.JSONDecodeError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

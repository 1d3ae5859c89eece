#!/usr/bin/env bash
# Side-by-side benchmark of hard logic-gate-network inference (arXiv 2210.08277): the authors' C
# (difflogic's CompiledLogicNet: C generated from the model, gcc -O1 -march=native, 64-bit words)
# and this package's bit-sliced inference, on the SAME random network and the SAME 65,536 input
# images, in one run, one thread, thread/process CPU time. `relax logic bench` also checks that
# its counts equal the authors' counts before it times anything.
# Usage:
#   PYTHON=/path/to/venv/bin/python DIFFLOGIC_SRC=<unpacked difflogic sdist> \
#     Benchmarks/compare-logic.sh [inputs width depth batch gcc-opt-level]
# Defaults: 400 8000 6 65536 1 (the 400 → 6 × 8,000 network of issue 10; the authors' main.py
# compiles with -O1 below 50,000 gates).
# gcc -O1 on that model takes 5–20 minutes; the compiled library is cached (LOGIC_C_CACHE, default
# .build/difflogic-c, keyed by the SHA-256 of the generated C code, compiler and options), so a
# rerun on the same model only times it. To compile ahead, in the background:
#   LOGIC_C_COMPILE_ONLY=1 PYTHON=… DIFFLOGIC_SRC=… Benchmarks/compare-logic.sh
# `relax logic bench` times every bit-sliced kernel (swift, c = baseline SSE2, c-avx2), plain and
# simplified, and prints packing-only, gates + GroupSum and end-to-end figures.
set -euo pipefail
cd "$(dirname "$0")/.."
in=${1:-400} width=${2:-8000} depth=${3:-6} batch=${4:-65536} opt=${5:-1}
py=${PYTHON:-python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ "${LOGIC_C_COMPILE_ONLY:-0}" = 1 ]; then
    (cd fixtures/generate && LOGIC_C_COMPILE_ONLY=1 "$py" logic_bench_difflogic_c.py "$work" "$in" "$width" "$depth" "$batch" "$opt")
    exit 0
fi
swift build -c release --product relax >/dev/null
# The output also goes to Benchmarks/results/compare-logic-<in>-<depth>x<width>.txt (the README's figures).
mkdir -p Benchmarks/results
exec > >(sed -u "s#$work/#work/#g" | tee "Benchmarks/results/compare-logic-$in-${depth}x$width.txt") 2>&1
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%Y-%m-%dT%H:%MZ)"
(cd fixtures/generate && "$py" logic_bench_difflogic_c.py "$work" "$in" "$width" "$depth" "$batch" "$opt")
.build/release/relax logic bench --model "$work/model.json" --inputs "$work/x.npy" --expected-counts "$work/counts.npy" \
    --threads 1 --repetitions 7

#!/usr/bin/env bash
# Side-by-side benchmark of the relaxed programs: this package (reference interpreter, SIMD and
# the shortest path's C kernel in its baseline and AVX2 + FMA builds)
# and the authors' AlgoVision, in one run on the same machine, one thread, forward + backward.
# Prints every timing, then the ratios measured in this run (the README's algorithm tables).
# Usage:
#   PYTHON=/path/to/venv/bin/python Benchmarks/compare-algo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product relax >/dev/null
ours=$(.build/release/relax algo bench)
theirs=$("${PYTHON:-python3}" Benchmarks/oracle/algovision_bench.py)
echo "$ours"
echo "$theirs"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
# Ratios: AlgoVision (float32 and float64) time / our time, per workload and optimized
# implementation (optimized: baseline x86-64 build; optimized-avx2: the AVX2 + FMA build of the
# shortest-path C kernel where the CPU has them). Ours are float64 throughout.
for workload in bubble_sort shortest_path; do
    for impl in optimized optimized-avx2; do
        simd=$(echo "$ours" | awk -F' \\| ' -v w="$workload" -v i="$impl" 'index($1, w) == 1 && $2 == i { print $3 }')
        for dtype in float32 float64; do
            av=$(echo "$theirs" | awk -F' \\| ' -v w="$workload" -v d="algovision $dtype" 'index($1, w) == 1 && $2 == d { sub(/ ms/, "", $3); print $3 }')
            awk -v a="$av" -v s="$simd" -v w="$workload" -v d="$dtype" -v i="$impl" 'BEGIN { printf "%s: AlgoVision %s / %s = %.1f x\n", w, d, i, a / s }'
        done
    done
done

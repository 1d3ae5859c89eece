#!/usr/bin/env bash
# Scaling tables: cost against problem size for the relaxed sorter and the top-k loss, this
# package and the authors' packages side by side in ONE run (thread CPU time, one thread), then
# a log-log PNG plot. Peers run only up to a cap (their cost grows much faster; see the CSVs).
# Usage:
#   PYTHON=/path/to/venv/bin/python [OUT=Benchmarks/results] [RELAX=…] Benchmarks/scaling.sh [sorting] [topk] [plot]
# (no argument: all three). PYTHON needs torch, diffsort, difftopk and matplotlib (the venv of
# fixtures/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${OUT:-Benchmarks/results}
parts=" ${*:-sorting topk plot} "
py=${PYTHON:-python3}
mkdir -p "$out"
# RELAX=/path/to/relax reuses a built binary instead of building one.
[[ -n "${RELAX:-}" ]] || swift build -c release --product relax >/dev/null
relax=${RELAX:-.build/release/relax}
sort_sizes=(16 32 64 128 256 512 1024 2048 4096 8192)
diffsort_sizes=(16 32 64 128 256 512)   # diffsort needs 15.8 s per sample at n = 1024
topk_sizes=(100 300 1000 3000 10000)
difftopk_cap=1000                       # the authors' dense bitonic keeps O(B·n²) per layer

{
    echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
    echo "avx2+fma: $(grep -qw avx2 /proc/cpuinfo && grep -qw fma /proc/cpuinfo && echo yes || echo no)"
} | tee "$out/machine-$(echo $parts | tr ' ' '-').txt"

if [[ $parts == *" sorting "* ]]; then
echo "sorting: relax bench (bitonic, Cauchy, Double, forward + backward with P)…" >&2
{
    echo "n,implementation,seconds_per_sample"
    "$relax" bench --n "${sort_sizes[@]}" --reference-limit 256 --repetitions 3 | tee -a /dev/stderr \
        | awk 'NR > 2 { print $1 "," $2 "," $3 }'
    echo "sorting: diffsort (n ≤ ${diffsort_sizes[-1]})…" >&2
    "$py" Benchmarks/oracle/diffsort_bench.py --n "${diffsort_sizes[@]}" --repetitions 3 | tee -a /dev/stderr \
        | awk 'NR > 1 { print $1 "," $2 "," $3 }'
} > "$out/sorting.csv"
fi

if [[ $parts == *" topk "* ]]; then
echo "top-k: relax topk bench (K = 5, batch 64, Float, pruned bitonic cones and splitter)…" >&2
{
    echo "n,sorter,comparators,ms_per_batch,difftopk_ms_per_batch"
    for n in "${topk_sizes[@]}"; do
        peer=()
        if (( n <= difftopk_cap )); then peer=(--difftopk-python "$py"); fi
        # Pruned bitonic cones and the pruned splitter selection network (the odd-even network
        # has n layers, so it is left out of the scaling run).
        for only in "pruned cone" "splitter selection, pruned"; do
            "$relax" topk bench --n "$n" --only "$only" --repeats 3 "${peer[@]}" | tee -a /dev/stderr \
                | awk -F'|' -v n="$n" '/^\| [a-z]/ && $3 ~ /[0-9]/ {
                      gsub(/^ +| +$/, "", $2); gsub(/ /, "", $3); gsub(/^ +| +$/, "", $4); peer = $5
                      gsub(/^ +| +$/, "", peer); sub(/ .*/, "", peer); if (peer == "—") peer = ""
                      print n ",\"" $2 "\"," $3 "," $4 "," peer }'
        done
    done
} > "$out/topk.csv"
fi

if [[ $parts == *" plot "* ]]; then "$py" Benchmarks/plot_scaling.py "$out"; fi

#!/usr/bin/env bash
# Scaling tables: cost against problem size for the relaxed sorter, the top-k loss and (part
# `logic`, not in the default list) hard logic-gate-network inference, this
# package and the authors' packages side by side in ONE run (thread CPU time, one thread), then
# a log-log PNG plot. Peers run only up to a cap (their cost grows much faster; see the CSVs).
# Usage:
#   PYTHON=/path/to/venv/bin/python [OUT=Benchmarks/results] [RELAX=…] Benchmarks/scaling.sh [sorting] [topk] [logic] [plot]
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

if [[ $parts == *" logic "* ]]; then
# Logic gate networks (arXiv 2210.08277): 400 inputs → 6 layers of W gates → GroupSum(10), random
# wiring and gates, 65,536 random input images; images/s end to end (packing + gates + counts),
# one thread, CPU time. The authors' C (difflogic CompiledLogicNet) is generated from the same
# model and run on the same inputs up to LOGIC_C_CAP gates per layer, compiled as their main.py
# does (gcc -O1 below 50,000 gates, -O0 above; their compile time grows steeply with size).
# LOGIC_WIDTHS overrides the widths; LOGIC_KERNEL picks the bit-sliced kernel (c = baseline
# SSE2, the default; c-avx2; swift). The authors' compiled C is cached (see compare-logic.sh).
# Needs DIFFLOGIC_SRC.
logic_widths=(${LOGIC_WIDTHS:-1000 2000 4000 8000 16000 32000 64000})
logic_c_cap=${LOGIC_C_CAP:-8000}
: "${DIFFLOGIC_SRC:?set DIFFLOGIC_SRC to the unpacked difflogic sdist (see fixtures/generate/logic_difflogic_oracle.py)}"
echo "logic: relax logic bench and the authors' C (400 → 6 × W, batch 65,536)…" >&2
work=$(mktemp -d)
{
    echo "width,gates,implementation,images_per_second"
    for w in "${logic_widths[@]}"; do
        gates=$((6 * w))
        args=(--random "400:${w}x6:10")
        if (( w <= logic_c_cap )); then
            opt=1; (( gates >= 50000 )) && opt=0
            (cd fixtures/generate && "$py" logic_bench_difflogic_c.py "$work" 400 "$w" 6 65536 "$opt") | tee -a /dev/stderr \
                | awk -v w="$w" -v g="$gates" -v o="$opt" '/end to end/ { for (i = 1; i <= NF; i++) if ($i == "M") { printf "%s,%s,authors-c-gcc-O%s,%.0f\n", w, g, o, $(i - 1) * 1e6; break } }'
            args=(--model "$work/model.json" --inputs "$work/x.npy" --expected-counts "$work/counts.npy")
        fi
        "$relax" logic bench "${args[@]}" --threads 1 --repetitions 3 --kernel "${LOGIC_KERNEL:-c}" | tee -a /dev/stderr \
            | awk -v w="$w" -v g="$gates" '/^plain/ { impl = "bit-sliced-plain" } /^simplified/ { impl = "bit-sliced-simplified" }
                  /end to end \(pack/ { for (i = 1; i <= NF; i++) if ($i == "M") { printf "%s,%s,%s,%.0f\n", w, g, impl, $(i - 1) * 1e6; break } }'
    done
} > "$out/logic.csv"
rm -rf "$work"
fi

if [[ $parts == *" plot "* ]]; then "$py" Benchmarks/plot_scaling.py "$out"; fi

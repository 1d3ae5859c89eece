#!/usr/bin/env bash
# Side-by-side benchmark of the relaxed sorters: this package (reference and SIMD) and the
# authors' diffsort, in one run on the same machine. Usage:
#   PYTHON=/path/to/venv/bin/python Benchmarks/compare-sort.sh [n …]
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-32 256 1024}")
swift build -c release --product relax >/dev/null
.build/release/relax bench --n ${sizes[*]} --repetitions 5
"${PYTHON:-python3}" Benchmarks/oracle/diffsort_bench.py --n ${sizes[*]} --repetitions 3

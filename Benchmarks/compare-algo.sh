#!/usr/bin/env bash
# Side-by-side benchmark of the relaxed programs: this package (reference interpreter and SIMD)
# and the authors' AlgoVision, in one run on the same machine, one thread, forward + backward.
# Usage:
#   PYTHON=/path/to/venv/bin/python Benchmarks/compare-algo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product relax >/dev/null
.build/release/relax algo bench
"${PYTHON:-python3}" Benchmarks/oracle/algovision_bench.py

#!/bin/bash
# Builds and runs Benchmarks/cpu-throughput.c (instruction throughput of this CPU; see its header).
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
${CC:-clang} -O2 -o "$out/cpu-throughput" cpu-throughput.c
grep -m1 "model name" /proc/cpuinfo || true
"$out/cpu-throughput"

#!/usr/bin/env bash
# Builds every fuzz target with libFuzzer (swiftc -sanitize=fuzzer) and runs each for a bounded
# time. Usage:
#   Fuzz/run.sh [SECONDS_PER_TARGET] [TARGET ...]     run (default: 60 s, every target)
#   Fuzz/run.sh --merge [TARGET ...]                  fold new finds into Fuzz/corpus (minimized)
# Targets: npy fixture logic-model sort-input topk-input gzip obj algo-csv (Fuzz/Entry/<target>.swift).
# Seeds: Fuzz/corpus/<target>/ (committed). New inputs found while running: .build/fuzz/found/<target>/.
# A crash, trap or invalid result is written to Fuzz/regressions/<target>/ and becomes a seed that
# `swift test` (Tests/FuzzTests) replays on every run. Output of each run: .build/fuzz/<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
targets_all=(npy fixture logic-model sort-input topk-input gzip obj algo-csv)
merge=0
if [ "${1:-}" = "--merge" ]; then merge=1; shift; seconds=0; else seconds=${1:-60}; [ $# -gt 0 ] && shift; fi
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${targets_all[@]}")

scratch=.build/fuzz
# The package's modules, instrumented for libFuzzer (only the harness and what it depends on).
swift build -c release --scratch-path "$scratch" --target FuzzHarness -Xswiftc -sanitize=fuzzer >&2
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)
# Objects of the harness and its dependencies (not the build tools of package plugins).
mapfile -t objects < <(find "$bin" -path '*.build/*' -name '*.o' | grep -v -e '-tool.build/' -e '/ArgumentParser' | sort)
includes=(-I "$bin/Modules")
while IFS= read -r map; do includes+=(-Xcc "-fmodule-map-file=$map"); done < <(
    { find Sources/CZlib Sources/CGMP "$scratch/checkouts/swift-numerics/Sources" -name module.modulemap 2>/dev/null
      # The module maps SwiftPM generates for C targets with an include/ folder (CPUFeatures, CSortingKernels, CRendererKernels).
      find "$bin" -mindepth 2 -maxdepth 2 -path '*.build/module.modulemap'; } | sort -u)

for t in "${targets[@]}"; do
    exe="$scratch/fuzz-$t"
    if [ ! -x "$exe" ] || [ "Fuzz/Entry/$t.swift" -nt "$exe" ] || [ -n "$(find "$bin" -name '*.o' -newer "$exe" -print -quit)" ]; then
        swiftc -O -sanitize=fuzzer -parse-as-library "Fuzz/Entry/$t.swift" "${includes[@]}" "${objects[@]}" -lz -o "$exe" >&2
    fi
    mkdir -p "Fuzz/corpus/$t" "Fuzz/regressions/$t" "$scratch/found/$t"
    if [ $merge -eq 1 ]; then
        echo "[fuzz] $t: merging new finds into Fuzz/corpus/$t" >&2
        "$exe" -merge=1 "Fuzz/corpus/$t" "$scratch/found/$t" >"$scratch/$t-merge.log" 2>&1
        continue
    fi
    echo "[fuzz] $t: ${seconds} s" >&2
    # -rss_limit_mb: a target that needs more than 2 GB for one input is a finding too.
    # Swift's own crash backtracer would take the signal before libFuzzer writes the crashing input.
    if SWIFT_BACKTRACE=enable=no "$exe" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="Fuzz/regressions/$t/" "$scratch/found/$t" "Fuzz/corpus/$t" >"$scratch/$t.log" 2>&1; then
        echo "[fuzz] $t: no crash ($(grep -E '^#[0-9]+' "$scratch/$t.log" | tail -1 | cut -c1-100))" >&2
    else
        echo "[fuzz] $t: FOUND a failure, see $scratch/$t.log and Fuzz/regressions/$t/" >&2
        status=1
    fi
done
exit ${status:-0}

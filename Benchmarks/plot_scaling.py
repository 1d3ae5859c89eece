"""Log-log plot of the scaling CSVs written by Benchmarks/scaling.sh (matplotlib).

    python Benchmarks/plot_scaling.py Benchmarks/results
"""
import csv
import glob
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker  # noqa: E402


def main() -> None:
    out = sys.argv[1] if len(sys.argv) > 1 else "Benchmarks/results"
    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.8))
    machine = open(sorted(glob.glob(os.path.join(out, "machine*.txt")))[0]).read().splitlines()[0].replace("machine: ", "")

    series = {}
    with open(os.path.join(out, "sorting.csv")) as f:
        for row in csv.DictReader(f):
            series.setdefault(row["implementation"], []).append((int(row["n"]), float(row["seconds_per_sample"]) * 1e3))
    styles = {"diffsort": "s--", "reference": "^:", "optimized": "o-", "optimized-avx2": "D-"}
    for name, points in series.items():
        xs, ys = zip(*sorted(points))
        left.plot(xs, ys, styles.get(name, "o-"), label=name)
    left.set(xscale="log", yscale="log", xlabel="n (wires)", ylabel="ms per sample",
             title="Relaxed bitonic sort, fwd + bwd with P, Double")
    left.grid(True, which="both", alpha=0.3)
    left.legend()

    ours, peer = {}, {}
    with open(os.path.join(out, "topk.csv")) as f:
        for row in csv.DictReader(f):
            ours.setdefault(row["sorter"], []).append((int(row["n"]), float(row["ms_per_batch"])))
            if row["difftopk_ms_per_batch"]:
                peer.setdefault(row["sorter"], []).append((int(row["n"]), float(row["difftopk_ms_per_batch"])))
    for name, points in ours.items():
        xs, ys = zip(*sorted(points))
        right.plot(xs, ys, "o-", label=name)
    for name, points in peer.items():
        xs, ys = zip(*sorted(points))
        right.plot(xs, ys, "s--", label="difftopk: " + name.split(",")[0] + " (sparse)")
    right.set(xscale="log", yscale="log", xlabel="n (classes)", ylabel="ms per batch of 64",
              title="Top-k loss + gradient, K = 5, Float")
    right.grid(True, which="both", alpha=0.3)
    right.legend(fontsize=8)
    fig.suptitle(f"One thread, thread CPU time; {machine}")
    fig.tight_layout()
    fig.savefig(os.path.join(out, "scaling.png"), dpi=90)
    print("wrote", os.path.join(out, "scaling.png"))
    plot_logic(out, machine)


def plot_logic(out: str, machine: str) -> None:
    """Logic gate networks: images/s against gates (log-log), ours and the authors' C."""
    path = os.path.join(out, "logic.csv")
    if not os.path.exists(path):
        return
    series = {}
    with open(path) as f:
        for row in csv.DictReader(f):
            series.setdefault(row["implementation"], []).append((int(row["gates"]), float(row["images_per_second"]) / 1e6))
    fig, ax = plt.subplots(figsize=(6.5, 4.8))
    for name, points in sorted(series.items()):
        xs, ys = zip(*sorted(points))
        ax.plot(xs, ys, "s--" if name.startswith("authors") else "o-", label=name)
    ax.set(xscale="log", yscale="log", xlabel="gates (400 inputs → 6 layers)", ylabel="M images/s, end to end",
           title="Logic gate network inference, batch 65,536")
    ax.yaxis.set_major_formatter(matplotlib.ticker.FormatStrFormatter("%g"))
    ax.yaxis.set_minor_formatter(matplotlib.ticker.FormatStrFormatter("%g"))
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.suptitle(f"One thread, CPU time; {machine}", fontsize=9)
    fig.tight_layout()
    fig.savefig(os.path.join(out, "scaling-logic.png"), dpi=90)
    print("wrote", os.path.join(out, "scaling-logic.png"))


if __name__ == "__main__":
    main()

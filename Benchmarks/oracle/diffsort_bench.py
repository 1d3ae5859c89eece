"""Times the authors' diffsort (forward + backward with P) on CPU, one thread, float64.

Run with a Python that has `diffsort` and `torch` installed (see fixtures/README.md):

    python Benchmarks/oracle/diffsort_bench.py --n 32 256 1024

Prints one line per n: the minimum CPU time over the repetitions (thread time, so other load on the machine does not
count) per sample of a bitonic network, Cauchy family, steepness 10 — the same workload as
`relax bench`.
"""
import argparse
import time

import torch
from diffsort import DiffSortNet


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, nargs="+", default=[32, 256, 1024])
    parser.add_argument("--repetitions", type=int, default=3)
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    print(f"diffsort bench: bitonic, cauchy, float64, torch {torch.__version__}, 1 thread, forward + backward with P")
    for n in args.n:
        sorter = DiffSortNet("bitonic", n, steepness=10, distribution="cauchy")
        times = []
        for _ in range(args.repetitions):
            x = torch.randn(1, n, dtype=torch.float64, requires_grad=True)
            cy = torch.randn(1, n, dtype=torch.float64)
            cp = torch.rand(1, n, n, dtype=torch.float64) * 2 - 1
            start = time.thread_time()
            y, p = sorter(x)
            ((y * cy).sum() + (p * cp).sum()).backward()
            times.append(time.thread_time() - start)
        best = min(times)  # the minimum, as `relax bench` reports
        print(f"{n:<6}diffsort        {best:<22.6f}{1 / best:.2f}")


if __name__ == "__main__":
    main()

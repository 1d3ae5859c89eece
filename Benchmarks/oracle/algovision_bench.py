"""Times the authors' AlgoVision (arXiv 2110.05651) on CPU, one thread: forward + backward of
the relaxed bubble sort (n = 16, batch 100, beta = 8) and the relaxed shortest path (12 x 12,
T = 24, batch 16, beta = 10, For traceback, probabilistic t-conorm) — the programs of
fixtures/generate/algorithm.py and the workload of `relax algo bench`.

    python Benchmarks/oracle/algovision_bench.py [--repetitions 10]

Prints the minimum thread CPU time per call over the repetitions (the statistic of
`relax algo bench`; other load on the machine counts as little as it can), in
float32 (the package's default dtype) and float64. Inputs: same shapes and distributions as
`relax algo bench` (normal scores; costs sigmoid(4 N(0,1)) + 0.2), drawn by numpy.
"""
import argparse
import os
import sys
import time
import warnings

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "fixtures", "generate"))
warnings.filterwarnings("ignore")
import algorithm as programs  # noqa: E402  (the fixture generator's AlgoVision programs)


def measure(fn, repetitions):
    fn()
    times = []
    for _ in range(repetitions):
        start = time.thread_time()
        fn()
        times.append(time.thread_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repetitions", type=int, default=10)
    args = parser.parse_args()
    torch.set_num_threads(1)
    rng = np.random.default_rng(7)
    array = rng.normal(size=(100, 16))
    cost = 1 / (1 + np.exp(-4 * rng.normal(size=(16, 12, 12)))) + 0.2
    print(f"algovision bench: torch {torch.__version__}, 1 thread, forward + backward, minimum thread CPU time over {args.repetitions} repetitions")
    for dtype in (torch.float32, torch.float64):
        torch.set_default_dtype(dtype)
        sort = programs.bubble_sort(8.0)
        path = programs.shortest_path(10.0, 24, "probabilistic", None, "for")

        def run_sort():
            x = torch.tensor(array, dtype=dtype, requires_grad=True)
            _, loss = sort(x)
            loss.sum().backward()

        def run_path():
            c = torch.tensor(cost, dtype=dtype, requires_grad=True)
            path(c).sum().backward()

        name = str(dtype).replace("torch.", "")
        print(f"bubble_sort n=16 B=100 beta=8 | algovision {name} | {measure(run_sort, args.repetitions) * 1000:.3f} ms")
        print(f"shortest_path 12x12 T=24 B=16 beta=10 for/probabilistic | algovision {name} | {measure(run_path, args.repetitions) * 1000:.3f} ms")


if __name__ == "__main__":
    main()

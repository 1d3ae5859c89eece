"""Side-by-side benchmark: what a CPU user would write instead of GenDR's CUDA renderer —
the SoftRas silhouette (sigmoid of the signed squared distance, probabilistic aggregation) as
vectorised PyTorch on the CPU, one thread, float32, forward + backward by autograd.

Same scene as `relax render bench`: the 1 352-vertex / 2 700-face UV sphere (radius 0.5,
50 segments, 28 rings), camera distance 2.732, elevation 30°, azimuth 0°, half field of view 15°,
64×64, τ = 1e-4 (squared distance), 1e-6 threshold. Built here independently of the Swift code.

    /path/to/python Benchmarks/render_softras_torch.py      (or: relax render bench --python PY)
"""

import math
import time

import torch

torch.set_num_threads(1)
DT = torch.float32


def sphere(r=0.5, seg=50, rings=28):
    p = [[0.0, r, 0.0]]
    for i in range(1, rings):
        th = math.pi * i / rings
        for j in range(seg):
            ph = 2 * math.pi * j / seg
            p.append([r * math.sin(th) * math.cos(ph), r * math.cos(th), r * math.sin(th) * math.sin(ph)])
    p.append([0.0, -r, 0.0])
    south = len(p) - 1
    ring = lambda i, j: 1 + (i - 1) * seg + (j % seg)
    f = [[0, ring(1, j + 1), ring(1, j)] for j in range(seg)]
    for i in range(1, rings - 1):
        for j in range(seg):
            f += [[ring(i, j), ring(i, j + 1), ring(i + 1, j)], [ring(i, j + 1), ring(i + 1, j + 1), ring(i + 1, j)]]
    f += [[south, ring(rings - 1, j), ring(rings - 1, j + 1)] for j in range(seg)]
    return torch.tensor(p, dtype=torch.float64), torch.tensor(f)


def project(v, dist=2.732, elev=30.0, azim=0.0, theta=15.0):
    e, a = math.radians(elev), math.radians(azim)
    eye = torch.tensor([dist * math.cos(e) * math.sin(a), dist * math.sin(e), -dist * math.cos(e) * math.cos(a)], dtype=torch.float64)
    z = -eye / eye.norm()
    x = torch.linalg.cross(torch.tensor([0.0, 1.0, 0.0], dtype=torch.float64), z)
    x = x / x.norm()
    y = torch.linalg.cross(z, x)
    c = (v - eye) @ torch.stack([x, y, z]).T
    t = math.tan(math.radians(theta))
    return torch.stack([c[:, 0] / (c[:, 2] * t), c[:, 1] / (c[:, 2] * t)], -1)


def softras(tri, n=64, tau=1e-4):
    xs = (2 * torch.arange(n, dtype=DT) + 1 - n) / n
    ys = (n - 1 - 2 * torch.arange(n, dtype=DT)) / n
    py, px = torch.meshgrid(ys, xs, indexing="ij")
    P = torch.stack([px, py], -1).reshape(1, -1, 2)  # [1, N², 2]
    V = tri[:, None]  # [F, 1, 3, 2]
    d2 = None
    cross = []
    for k in range(3):
        a, b = V[:, :, k], V[:, :, (k + 1) % 3]
        e = b - a
        w = P - a
        t = torch.clamp((w * e).sum(-1) / (e * e).sum(-1), 0, 1)
        r = a + t[..., None] * e - P
        dk = (r * r).sum(-1)
        d2 = dk if d2 is None else torch.minimum(d2, dk)
        cross.append(e[..., 0] * w[..., 1] - e[..., 1] * w[..., 0])
    area = (tri[:, 1, 0] - tri[:, 0, 0]) * (tri[:, 2, 1] - tri[:, 0, 1]) - (tri[:, 1, 1] - tri[:, 0, 1]) * (tri[:, 2, 0] - tri[:, 0, 0])
    o = torch.sign(area)[:, None]
    inside = (cross[0] * o > 0) & (cross[1] * o > 0) & (cross[2] * o > 0)
    s = torch.where(inside, 1.0, -1.0)
    b = torch.sigmoid(s * d2 / tau)
    b = torch.where(b > 1e-6, b, torch.zeros_like(b))
    alpha = 1 - torch.prod(1 - b, 0)
    return alpha.reshape(n, n)


def main():
    v, f = sphere()
    tri = project(v)[f].to(DT)
    times = []
    for _ in range(3):
        t = tri.clone().requires_grad_(True)
        t0 = time.perf_counter()
        img = softras(t)
        img.sum().backward()
        times.append(time.perf_counter() - t0)
    ms = sorted(times)[1] * 1000
    pairs = 64 * 64 * f.shape[0]
    print(f"| PyTorch {torch.__version__} CPU, 1 thread, SoftRas (logistic squared τ=1e-4, probabilistic), vectorised, autograd | {ms:.2f} | – | – | {pairs / ms / 1e6:.4f} G |")


if __name__ == "__main__":
    main()

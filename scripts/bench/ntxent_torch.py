#!/usr/bin/env python3
"""NT-Xent forward + backward in PyTorch on one thread, the yardstick for `npm run bench`.

The same loss as src/core/ntxent.ts, written the usual PyTorch way (normalise, one matmul, the
diagonal masked out, cross-entropy against the other view). Prints one JSON object
{"torch": version, "threads": 1, "ms": {N: median wall ms}, "cpuMs": {N: median CPU ms}}
on stdout.

Usage: python3 scripts/bench/ntxent_torch.py D N [N ...]
"""

import json
import sys
import time

import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def nt_xent(z1, z2, tau):
    n = z1.shape[0]
    u = F.normalize(torch.cat([z1, z2]), dim=1)
    logits = (u @ u.T / tau).fill_diagonal_(float("-inf"))
    targets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(logits, targets)


def median(values):
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def timings_ms(n, d, budget_s=2.0, max_reps=60):
    """Median wall and CPU time of at least five steps (after three warm-up steps)."""
    gen = torch.Generator().manual_seed(n)
    z1 = torch.randn(n, d, generator=gen, requires_grad=True)
    z2 = torch.randn(n, d, generator=gen, requires_grad=True)

    def once():
        wall, cpu = time.perf_counter(), time.process_time()
        nt_xent(z1, z2, 0.5).backward()
        return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000

    for _ in range(3):
        once()
    walls, cpus = [], []
    while len(walls) < 5 or (sum(walls) < budget_s * 1000 and len(walls) < max_reps):
        wall, cpu = once()
        walls.append(wall)
        cpus.append(cpu)
    return median(walls), median(cpus)


def main():
    d = int(sys.argv[1])
    sizes = [int(a) for a in sys.argv[2:]]
    results = {n: timings_ms(n, d) for n in sizes}
    print(
        json.dumps(
            {
                "torch": torch.__version__,
                "threads": torch.get_num_threads(),
                "ms": {n: r[0] for n, r in results.items()},
                "cpuMs": {n: r[1] for n, r in results.items()},
            }
        )
    )


if __name__ == "__main__":
    main()

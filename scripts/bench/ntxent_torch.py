#!/usr/bin/env python3
"""NT-Xent forward + backward in PyTorch on one thread, the yardstick for `npm run bench`.

The same loss as src/core/ntxent.ts, written the usual PyTorch way (normalise, one matmul, the
diagonal masked out, cross-entropy against the other view). Prints one JSON object
{"torch": version, "threads": 1, "ms": {N: median ms}, "minMs": {N: fastest ms}} on stdout.

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


def timings_ms(n, d, budget_s=2.0, max_reps=60):
    """Median and fastest of at least five timed steps (after three warm-up steps)."""
    gen = torch.Generator().manual_seed(n)
    z1 = torch.randn(n, d, generator=gen, requires_grad=True)
    z2 = torch.randn(n, d, generator=gen, requires_grad=True)

    def once():
        start = time.perf_counter()
        nt_xent(z1, z2, 0.5).backward()
        return (time.perf_counter() - start) * 1000

    for _ in range(3):
        once()
    times, spent = [], 0.0
    while len(times) < 5 or (spent < budget_s * 1000 and len(times) < max_reps):
        times.append(once())
        spent += times[-1]
    times.sort()
    mid = len(times) // 2
    median = times[mid] if len(times) % 2 else (times[mid - 1] + times[mid]) / 2
    return median, times[0]


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
                "minMs": {n: r[1] for n, r in results.items()},
            }
        )
    )


if __name__ == "__main__":
    main()

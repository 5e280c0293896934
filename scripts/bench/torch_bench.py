#!/usr/bin/env python3
"""The PyTorch half of `npm run bench`: the same workloads as the tfjs side, on one thread.

Started once per bench run and driven over stdin/stdout, so that tfjs and PyTorch can take turns
(a block of steps each, several rounds) and every ratio comes from one run with both sides.

On start it prints one JSON line describing itself:
  {"torch": version, "threads": 1, "blas": {"name", "library", "detail", "optimised"}}
then answers each request line with one JSON line of per-step timings {"ms": [...], "cpuMs": [...]}:
  {"workload": "ntxent", "n": N, "d": D, "tau": τ, "steps": k}
  {"workload": "simclr", "batch": N, "tau": τ, "lr": η, "steps": k}

Workloads:
  ntxent  NT-Xent forward + backward on 2N random D-dimensional vectors (src/core/ntxent.ts,
          written the usual PyTorch way).
  simclr  One SimCLR training step of the chapter's model (src/core/cnn.ts defaults): 3×3
          convolutions 16/32/64 with ReLU, 2×2 average pools after the first two, a global average
          pool, the head 64→64→32, NT-Xent and Adam (β = 0.9, 0.999, ε = 1e-7), on a fixed batch of
          2N images of 16×16×3 (two views of N images; no augmentation).

Usage: python3 scripts/bench/torch_bench.py   (then write requests to stdin)
"""

import ctypes
import json
import os
import re
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

torch.set_num_threads(1)

# Optimised BLAS libraries: a symbol only each exports, and a distinctive part of its file name.
OPTIMISED = [
    ("OpenBLAS", "openblas_get_config", "openblas"),
    ("Intel MKL", "MKL_Get_Version", "mkl"),
    ("BLIS", "bli_info_get_version_str", "blis"),
    ("ATLAS", "ATL_buildinfo", "atlas"),
]


class DlInfo(ctypes.Structure):
    _fields_ = [
        ("dli_fname", ctypes.c_char_p),
        ("dli_fbase", ctypes.c_void_p),
        ("dli_sname", ctypes.c_char_p),
        ("dli_saddr", ctypes.c_void_p),
    ]


def defining_file(function):
    """Real path of the shared library that defines a ctypes function, or None."""
    try:
        dladdr = ctypes.CDLL(None).dladdr
        info = DlInfo()
        if dladdr(ctypes.cast(function, ctypes.c_void_p), ctypes.byref(info)) and info.dli_fname:
            return os.path.realpath(info.dli_fname.decode())
    except (OSError, AttributeError):
        pass
    return None


def openblas_detail(lib):
    """OpenBLAS's own description of its build and of the core it chose."""
    lib.openblas_get_config.restype = ctypes.c_char_p
    detail = lib.openblas_get_config().decode()
    if hasattr(lib, "openblas_get_corename"):
        lib.openblas_get_corename.restype = ctypes.c_char_p
        detail += f"; core {lib.openblas_get_corename().decode()}"
    return detail


def blas_info():
    """Which BLAS this PyTorch calls: the one its build declares, else the system's libblas.so.3.

    Debian's python3-torch declares a "generic" BLAS and calls whatever libblas.so.3 resolves to:
    the reference BLAS (netlib, in .../blas/, about ten times slower on these sizes) unless an
    optimised one such as OpenBLAS (libopenblas0-pthread) is installed, which takes its place.
    Pip wheels link MKL or OpenBLAS in and declare it.
    """
    torch.ones(64, 64) @ torch.ones(64, 64)  # make sure a lazily loaded BLAS is mapped
    declared = re.search(r"BLAS_INFO=(\w+)", torch.__config__.show())
    declared = declared.group(1) if declared else "unknown"
    for name, _, key in OPTIMISED:
        if key in declared.lower() or (key == "openblas" and declared.lower() == "open"):
            detail = f"linked in (BLAS_INFO={declared})"
            return {"name": name, "library": None, "detail": detail, "optimised": True}
    try:
        # Already loaded by PyTorch, so this is the library the dynamic linker found for it.
        lib = ctypes.CDLL("libblas.so.3")
    except OSError:
        return {
            "name": "an unidentified BLAS",
            "library": None,
            "detail": f"BLAS_INFO={declared}, and no libblas.so.3 to inspect",
            "optimised": False,
        }
    path = defining_file(lib.sgemm_) if hasattr(lib, "sgemm_") else None
    for name, symbol, key in OPTIMISED:
        if hasattr(lib, symbol) or (path and key in path.lower()):
            detail = openblas_detail(lib) if hasattr(lib, "openblas_get_config") else ""
            return {"name": name, "library": path, "detail": detail, "optimised": True}
    reference = path is not None and ("/blas/" in path or "netlib" in path)
    return {
        "name": "the reference BLAS (netlib)" if reference else "an unidentified BLAS",
        "library": path,
        "detail": f"BLAS_INFO={declared}",
        "optimised": False,
    }


def nt_xent(z1, z2, tau):
    n = z1.shape[0]
    u = F.normalize(torch.cat([z1, z2]), dim=1)
    logits = (u @ u.T / tau).fill_diagonal_(float("-inf"))
    targets = torch.cat([torch.arange(n, 2 * n), torch.arange(0, n)])
    return F.cross_entropy(logits, targets)


class SimclrNet(nn.Module):
    """The chapter's encoder and projection head (src/core/cnn.ts with its defaults)."""

    def __init__(self):
        super().__init__()
        widths = [3, 16, 32, 64]
        pairs = zip(widths, widths[1:])
        self.convs = nn.ModuleList(nn.Conv2d(a, b, 3, padding=1) for a, b in pairs)
        self.head = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 32))

    def forward(self, x):
        for i, conv in enumerate(self.convs):
            x = F.relu(conv(x))
            if i + 1 < len(self.convs):
                x = F.avg_pool2d(x, 2)
        return self.head(x.mean(dim=(2, 3)))


def ntxent_step(n, d, tau):
    gen = torch.Generator().manual_seed(n)
    z1 = torch.randn(n, d, generator=gen, requires_grad=True)
    z2 = torch.randn(n, d, generator=gen, requires_grad=True)

    def step():
        z1.grad = z2.grad = None
        nt_xent(z1, z2, tau).backward()

    return step


def simclr_step(batch, tau, lr):
    torch.manual_seed(1)
    model = SimclrNet()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-7)
    views = torch.rand(2 * batch, 3, 16, 16, generator=torch.Generator().manual_seed(3))

    def step():
        optimizer.zero_grad(set_to_none=True)
        z = model(views)
        loss = nt_xent(z[:batch], z[batch:], tau)
        loss.backward()
        optimizer.step()
        loss.item()  # the tfjs side reads its loss back too

    return step


def build(request):
    if request["workload"] == "ntxent":
        return ntxent_step(request["n"], request["d"], request["tau"])
    if request["workload"] == "simclr":
        return simclr_step(request["batch"], request["tau"], request["lr"])
    raise ValueError(f"unknown workload {request['workload']!r}")


def main():
    info = {"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_info()}
    print(json.dumps(info), flush=True)
    steps_by_key = {}
    for line in sys.stdin:
        if not line.strip():
            continue
        request = json.loads(line)
        key = json.dumps({k: v for k, v in request.items() if k != "steps"}, sort_keys=True)
        if key not in steps_by_key:
            steps_by_key[key] = build(request)
            for _ in range(3):
                steps_by_key[key]()
        step = steps_by_key[key]
        walls, cpus = [], []
        for _ in range(request["steps"]):
            wall, cpu = time.perf_counter(), time.process_time()
            step()
            walls.append((time.perf_counter() - wall) * 1000)
            cpus.append((time.process_time() - cpu) * 1000)
        print(json.dumps({"ms": walls, "cpuMs": cpus}), flush=True)


if __name__ == "__main__":
    main()

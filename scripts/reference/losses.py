#!/usr/bin/env python3
"""Independent reference values for the contrastive losses in src/core.

Written directly from the papers' formulas in float64 PyTorch (autograd for the gradients), on
float32-representable inputs, so the TypeScript tests can compare at float32 precision. Needs
Debian's interpreter (it has python3-torch); `npm run reference` runs it and formats the output:

    /usr/bin/python3 scripts/reference/losses.py > tests/core/fixtures/reference-losses.json
"""

import json
import math

import torch

torch.set_default_dtype(torch.float64)
GEN = torch.Generator().manual_seed(20260129)

# Same smooth normalisation as src/core/similarity.ts: x / sqrt(|x|^2 + 1e-12).
NORM_EPSILON = 1e-12
# Same smoothing of the Euclidean distance as marginContrastiveLoss.
DISTANCE_EPSILON = 1e-12


def inputs(*shape):
    """Float32-representable standard normal values, held in float64 with gradients on."""
    x = torch.randn(*shape, generator=GEN, dtype=torch.float32).double()
    return x.requires_grad_(True)


def normalise(x):
    return x / torch.sqrt((x * x).sum(dim=1, keepdim=True) + NORM_EPSILON)


def nt_xent(z1, z2, tau):
    """SimCLR Algorithm 1: mean over all 2N anchors, positive inside the denominator."""
    n = z1.shape[0]
    u = normalise(torch.cat([z1, z2]))
    logits = u @ u.T / tau
    terms = []
    for k in range(2 * n):
        positive = (k + n) % (2 * n)
        others = torch.cat([logits[k, :k], logits[k, k + 1 :]])
        terms.append(torch.logsumexp(others, dim=0) - logits[k, positive])
    return torch.stack(terms).mean()


def info_nce(anchors, positives, tau):
    logits = normalise(anchors) @ normalise(positives).T / tau
    return (torch.logsumexp(logits, dim=1) - torch.diagonal(logits)).mean()


def info_nce_with_negatives(queries, positives, negatives, tau):
    """MoCo Eq. 1: each query against its own positive and the K shared negatives (a queue)."""
    u = normalise(queries)
    positive = (u * normalise(positives)).sum(dim=1, keepdim=True) / tau
    logits = torch.cat([positive, u @ normalise(negatives).T / tau], dim=1)
    return (torch.logsumexp(logits, dim=1) - positive[:, 0]).mean()


def moco_steps(w_q, x_q, x_k, queue, tau, m, lr):
    """MoCo Algorithm 1 with linear encoders q = x W_q, k = x W_k, plain SGD, for len(x_q) steps:
    loss against the queue, SGD on W_q only, then W_k <- m W_k + (1 - m) W_q, then the step's
    normalised keys enter the queue at the front and as many of the oldest leave."""
    w_q = w_q.detach().clone().requires_grad_(True)
    w_k = w_q.detach().clone()
    queue = queue.detach().clone()
    losses = []
    for xq, xk in zip(x_q, x_k):
        k = normalise(xk @ w_k).detach()  # no gradient to keys
        loss = info_nce_with_negatives(xq @ w_q, k, queue, tau)
        (grad,) = torch.autograd.grad(loss, [w_q])
        with torch.no_grad():
            w_q -= lr * grad
            w_k = m * w_k + (1 - m) * w_q
            queue = torch.cat([k, queue[: queue.shape[0] - k.shape[0]]])
        losses.append(loss.item())
    return {"losses": losses, "wQ": w_q.detach().tolist(), "wK": w_k.tolist(), "queue": queue.tolist()}


def clip_loss(images, texts, log_scale):
    """Radford et al. (2021), Figure 3: logits = exp(min(s, ln 100)) I T^T over l2-normalised
    embeddings, then the mean of the image->text and text->image cross-entropies (labels: the
    diagonal). The clamp passes no gradient to s above ln 100."""
    scale = torch.exp(torch.clamp(log_scale, max=math.log(100)))
    logits = scale * normalise(images) @ normalise(texts).T
    labels = torch.arange(images.shape[0])
    return (torch.nn.functional.cross_entropy(logits, labels) + torch.nn.functional.cross_entropy(logits.T, labels)) / 2


def supervised_simcse(h, h_pos, h_neg, tau):
    u = normalise(h)
    logits = torch.cat([u @ normalise(h_pos).T, u @ normalise(h_neg).T], dim=1) / tau
    return (torch.logsumexp(logits, dim=1) - torch.diagonal(logits[:, : h.shape[0]])).mean()


def alignment(x, y, alpha):
    return ((normalise(x) - normalise(y)).norm(dim=1) ** alpha).mean()


def uniformity(x, t):
    u = normalise(x)
    n = u.shape[0]
    pairs = [((u[i] - u[j]) ** 2).sum() for i in range(n) for j in range(i + 1, n)]
    return torch.log(torch.exp(-t * torch.stack(pairs)).mean())


def margin_contrastive(x1, x2, similar, margin):
    d = torch.sqrt(((x1 - x2) ** 2).sum(dim=1) + DISTANCE_EPSILON)
    sq = ((x1 - x2) ** 2).sum(dim=1)
    per_pair = similar * 0.5 * sq + (1 - similar) * 0.5 * torch.clamp(margin - d, min=0) ** 2
    return per_pair.mean()


def triplet(a, p, n, margin):
    return torch.clamp(((a - p) ** 2).sum(dim=1) - ((a - n) ** 2).sum(dim=1) + margin, min=0).mean()


# Same standardisation as src/core/noneg.ts standardizeColumns (BatchNorm1d without affine).
STANDARDIZE_EPSILON = 1e-5


def simsiam(p1, p2, z1, z2, stop_gradient):
    """Chen & He (2021), eq. 4: D(p, z) = -cos(p, z), averaged over the batch, targets detached."""
    target = (lambda z: z.detach()) if stop_gradient else (lambda z: z)
    d = lambda p, z: -(normalise(p) * normalise(target(z))).sum(dim=1).mean()
    return 0.5 * d(p1, z2) + 0.5 * d(p2, z1)


def byol(q1, q2, t1, t2):
    """Grill et al. (2020), eq. 2 and its symmetrised sum; the targets receive no gradient."""
    loss = lambda q, t: ((normalise(q) - normalise(t.detach())) ** 2).sum(dim=1).mean()
    return loss(q1, t2) + loss(q2, t1)


def barlow_twins(z1, z2, lam):
    """Zbontar et al. (2021), eq. 1-2, with each dimension standardised over the batch."""
    n = z1.shape[0]
    standardise = lambda z: (z - z.mean(0)) / torch.sqrt(z.var(0, unbiased=False) + STANDARDIZE_EPSILON)
    c = standardise(z1).T @ standardise(z2) / n
    on = ((1 - torch.diagonal(c)) ** 2).sum()
    off = (c**2).sum() - (torch.diagonal(c) ** 2).sum()
    return on + lam * off


def spectrum_case(rows):
    """Covariance eigenvalues (numpy, float64), effective rank and SimSiam's output std."""
    import numpy as np

    x = np.array(rows, dtype=np.float64)
    centred = x - x.mean(0)
    cov = centred.T @ centred / x.shape[0]
    eig = np.clip(np.sort(np.linalg.eigvalsh(cov))[::-1], 0, None)
    p = eig / eig.sum()
    p = p[p > 0]
    u = x / np.sqrt((x * x).sum(1, keepdims=True) + NORM_EPSILON)
    return {
        "rows": x.tolist(),
        "eigenvalues": eig.tolist(),
        "effectiveRank": float(np.exp(-(p * np.log(p)).sum())),
        "normalizedStd": float(u.std(0).mean()),
    }


def case(name, fn, tensors, **params):
    value = fn(*tensors.values(), **params)
    # A stopped input gets no gradient at all: its gradient is zero.
    grads = torch.autograd.grad(value, list(tensors.values()), allow_unused=True)
    grads = [torch.zeros_like(x) if g is None else g for x, g in zip(tensors.values(), grads)]
    return {
        "name": name,
        "params": params,
        "inputs": {k: v.detach().tolist() for k, v in tensors.items()},
        "value": value.item(),
        "grads": {k: g.tolist() for k, g in zip(tensors.keys(), grads)},
    }


def main():
    cases = []
    for tau in (0.1, 0.5, 1.0):
        cases.append(case("ntXentLoss", nt_xent, {"z1": inputs(4, 5), "z2": inputs(4, 5)}, tau=tau))
    cases.append(case("ntXentLoss", nt_xent, {"z1": inputs(8, 3), "z2": inputs(8, 3)}, tau=0.07))
    cases.append(case("ntXentLoss", nt_xent, {"z1": inputs(3, 2), "z2": inputs(3, 2)}, tau=0.01))
    for tau in (0.05, 0.2):
        cases.append(case("infoNCELoss", info_nce, {"anchors": inputs(5, 4), "positives": inputs(5, 4)}, tau=tau))
    cases.append(
        case(
            "supervisedSimCSELoss",
            supervised_simcse,
            {"h": inputs(4, 6), "hPos": inputs(4, 6), "hNeg": inputs(4, 6)},
            tau=0.05,
        )
    )
    for alpha in (2, 1):
        cases.append(case("alignment", alignment, {"x": inputs(6, 3), "y": inputs(6, 3)}, alpha=alpha))
    for t in (2, 0.5):
        cases.append(case("uniformity", uniformity, {"x": inputs(7, 3)}, t=t))
    x1 = inputs(6, 3)
    x2 = (x1.detach() + 0.4 * torch.randn(6, 3, generator=GEN, dtype=torch.float32).double()).float().double()
    similar = [1, 0, 1, 0, 0, 1]
    margin_case = case(
        "marginContrastiveLoss",
        lambda x1, x2, margin: margin_contrastive(x1, x2, torch.tensor(similar, dtype=torch.float64), margin),
        {"x1": x1, "x2": x2.requires_grad_(True)},
        margin=1.0,
    )
    margin_case["params"]["similar"] = similar
    cases.append(margin_case)
    cases.append(
        case(
            "tripletLoss",
            triplet,
            {"anchor": inputs(5, 4), "positive": inputs(5, 4), "negative": inputs(5, 4)},
            margin=2.0,
        )
    )
    for stop_gradient in (True, False):
        simsiam_case = case(
            "simsiamLoss",
            lambda p1, p2, z1, z2: simsiam(p1, p2, z1, z2, stop_gradient),
            {"p1": inputs(5, 4), "p2": inputs(5, 4), "z1": inputs(5, 4), "z2": inputs(5, 4)},
        )
        simsiam_case["params"]["stopGradient"] = int(stop_gradient)
        cases.append(simsiam_case)
    cases.append(
        case("byolLoss", byol, {"q1": inputs(6, 3), "q2": inputs(6, 3), "t1": inputs(6, 3), "t2": inputs(6, 3)})
    )
    for lam in (0.0, 0.05, 1.0):
        cases.append(case("barlowTwinsLoss", barlow_twins, {"z1": inputs(8, 4), "z2": inputs(8, 4)}, lam=lam))
    spectra = [spectrum_case(inputs(*shape).detach().tolist()) for shape in ((12, 4), (30, 6))]
    # A set that varies along one direction only: effective rank 1.
    line = torch.randn(10, 1, generator=GEN, dtype=torch.float32).double() @ torch.tensor([[1.0, -2.0, 0.5]])
    spectra.append(spectrum_case((line + torch.tensor([3.0, 1.0, -1.0])).float().double().tolist()))
    s_neg = torch.tensor([0.7, 0.1, -0.3, 0.65], dtype=torch.float32).double()
    hardness = []
    for tau in (0.05, 0.5, 5.0):
        hardness.append({"sPos": 0.8, "sNeg": s_neg.tolist(), "tau": tau, "weights": torch.softmax(s_neg / tau, 0).tolist()})
    # Appended after the older cases, so their random inputs stay the same.
    for tau, k in ((0.07, 9), (0.5, 3)):
        cases.append(
            case(
                "infoNCEWithNegatives",
                info_nce_with_negatives,
                {"queries": inputs(4, 5), "positives": inputs(4, 5), "negatives": inputs(k, 5)},
                tau=tau,
            )
        )
    moco = []
    for m in (0.0, 0.9):
        w_q = inputs(6, 4).detach()
        x_q = [inputs(3, 6).detach() for _ in range(4)]
        x_k = [inputs(3, 6).detach() for _ in range(4)]
        queue = normalise(inputs(8, 4).detach()).float().double()
        params = {"tau": 0.2, "m": m, "lr": 0.5}
        result = moco_steps(w_q, x_q, x_k, queue, **params)
        moco.append(
            {
                "params": params,
                "inputs": {
                    "wQ": w_q.tolist(),
                    "xQ": [x.tolist() for x in x_q],
                    "xK": [x.tolist() for x in x_k],
                    "queue": queue.tolist(),
                },
                **result,
            }
        )
    # CLIP's symmetric loss and its gradients in both embeddings and the log-scale s: at CLIP's
    # initial s = ln(1/0.07), at s = 0, just under the clip at ln 100, and above it (no gradient).
    clip = []
    for n, d, s in ((4, 5, math.log(1 / 0.07)), (6, 3, 0.0), (5, 4, 4.5), (3, 4, 5.0)):
        log_scale = torch.tensor(s, dtype=torch.float32).double().requires_grad_(True)
        clip_case = case("clipLoss", clip_loss, {"images": inputs(n, d), "texts": inputs(n, d), "logScale": log_scale})
        clip_case["params"] = {"logScale": log_scale.item()}
        clip_case["inputs"]["logScale"] = log_scale.item()
        clip.append(clip_case)
    print(json.dumps({"generator": "scripts/reference/losses.py", "torch": torch.__version__, "cases": cases, "hardness": hardness, "spectra": spectra, "moco": moco, "clip": clip}, indent=1))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Independent reference values for RocCurveReferenceTests, computed with scikit-learn.

Run with Debian's python (apt-get install -y python3-sklearn):
    /usr/bin/python3 make_reference.py > sklearn_reference.json
Each case holds seeded scores (rounded so that ties occur), labels and weights, and sklearn's
roc_auc_score(sample_weight=...) and, from roc_curve(drop_intermediate=False), the TPR at some FPRs
read two ways: the conservative step (largest FPR <= target, top of a vertical segment) and linear
interpolation from that point to the next. CI reads the JSON; it does not need sklearn.
"""
import json
import sys

import numpy as np
import sklearn
from sklearn.metrics import roc_auc_score, roc_curve

TARGETS = [0.01, 0.05, 0.1, 0.3]


def read_off(fpr, tpr, target):
    limit = target * (1 + 1e-12)
    k = int(np.nonzero(fpr <= limit)[0][-1])
    step = float(tpr[k])
    if k == len(fpr) - 1 or fpr[k] >= target:
        return step, step
    t = (target - fpr[k]) / (fpr[k + 1] - fpr[k])
    return step, float(tpr[k] + t * (tpr[k + 1] - tpr[k]))


def case(name, seed, n_bg, n_sig, shift, decimals, weighted):
    rng = np.random.default_rng(seed)
    bg = np.round(rng.normal(0.0, 1.0, n_bg), decimals)
    sig = np.round(rng.normal(shift, 1.2, n_sig), decimals)
    if weighted:
        w_bg = np.round(rng.uniform(0.2, 2.0, n_bg), 3)
        w_sig = np.round(rng.uniform(0.2, 2.0, n_sig), 3)
    else:
        w_bg = np.ones(n_bg)
        w_sig = np.ones(n_sig)
    y = np.concatenate([np.zeros(n_bg), np.ones(n_sig)])
    s = np.concatenate([bg, sig])
    w = np.concatenate([w_bg, w_sig])
    auc = roc_auc_score(y, s, sample_weight=w)
    fpr, tpr, _ = roc_curve(y, s, sample_weight=w, drop_intermediate=False)
    points = []
    for f in TARGETS:
        step, interp = read_off(fpr, tpr, f)
        points.append({"fpr": f, "tpr_step": step, "tpr_interpolated": interp})
    return {
        "name": name,
        "background_scores": bg.tolist(),
        "background_weights": w_bg.tolist() if weighted else None,
        "signal_scores": sig.tolist(),
        "signal_weights": w_sig.tolist() if weighted else None,
        "auc": auc,
        "roc_points": len(fpr),
        "working_points": points,
    }


def main():
    cases = [
        case("unweighted_ties", 11, 120, 80, 0.8, 1, False),
        case("weighted_ties", 12, 150, 60, 1.0, 1, True),
        case("weighted_heavy_ties", 13, 100, 100, 0.3, 0, True),
        case("weighted_overlap", 14, 200, 50, 0.0, 2, True),
    ]
    out = {"generator": "make_reference.py", "sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}
    json.dump(out, sys.stdout, indent=None, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()

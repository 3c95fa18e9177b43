#!/usr/bin/env python3
"""References for the HiggsML anomaly-detection benchmark (bench/higgsml/run.sh):
(a) a PyTorch autoencoder of the same shape as Sieve's (30 -> 64 -> 32 -> 4, tanh, mirrored decoder),
(b) scikit-learn's IsolationForest. Both train on the same background split as Sieve and score the
held-back background and the signal. -999 marks undefined values: they are replaced by the mean
of the present training values (the AE also masks them out of its loss and score, as Sieve does).

Usage: /usr/bin/python3 bench/higgsml/reference.py TRAIN_BG.csv TEST_BG.csv SIG.csv OUT.json
Needs Debian's python3-torch, python3-sklearn, python3-numpy (and libopenblas0-pthread).
"""
import csv
import json
import sys

import numpy as np
import torch
from sklearn.ensemble import IsolationForest
from sklearn.metrics import roc_auc_score, roc_curve

NOT_FEATURES = {"EventId", "Weight", "Label", "KaggleSet", "KaggleWeight"}


def load(path):
    with open(path) as f:
        rows = list(csv.DictReader(f))
    names = [c for c in rows[0].keys() if c not in NOT_FEATURES]
    return names, np.array([[float(r[c]) for c in names] for r in rows])


def tpr_at(fpr_target, b, s):
    labels = np.r_[np.zeros(len(b)), np.ones(len(s))]
    fpr, tpr, _ = roc_curve(labels, np.r_[b, s])
    return float(np.interp(fpr_target, fpr, tpr))


def auc(b, s):
    return float(roc_auc_score(np.r_[np.zeros(len(b)), np.ones(len(s))], np.r_[b, s]))


def main():
    train_path, test_path, sig_path, out_path = sys.argv[1:5]
    torch.manual_seed(42)
    np.random.seed(42)
    torch.set_num_threads(1)
    names, train = load(train_path)
    _, test = load(test_path)
    _, sig = load(sig_path)

    present = train != -999.0
    fill = np.array([train[present[:, j], j].mean() if present[:, j].any() else 0.0 for j in range(train.shape[1])])

    def prepare(x):
        m = (x != -999.0).astype(np.float32)
        x = np.where(m > 0, x, fill)
        return x, m

    xtr, mtr = prepare(train)
    mean, std = xtr.mean(0), xtr.std(0)
    std[std == 0] = 1

    def norm(x):
        return ((x - mean) / std).astype(np.float32)

    f = xtr.shape[1]
    act = torch.nn.Tanh
    model = torch.nn.Sequential(torch.nn.Linear(f, 64), act(), torch.nn.Linear(64, 32), act(), torch.nn.Linear(32, 4),
                                torch.nn.Linear(4, 32), act(), torch.nn.Linear(32, 64), act(), torch.nn.Linear(64, f))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    xt, mt = torch.tensor(norm(xtr)), torch.tensor(mtr)
    n_val = int(round(0.2 * len(xt)))
    perm = torch.randperm(len(xt))
    val_idx, tr_idx = perm[:n_val], perm[n_val:]
    best, best_state = float("inf"), None
    for epoch in range(200):
        model.train()
        order = tr_idx[torch.randperm(len(tr_idx))]
        for i in range(0, len(order), 256):
            idx = order[i:i + 256]
            x, m = xt[idx], mt[idx]
            loss = (((model(x) - x) ** 2) * m).sum() / m.sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
        model.eval()
        with torch.no_grad():
            x, m = xt[val_idx], mt[val_idx]
            v = float((((model(x) - x) ** 2) * m).sum() / m.sum())
        if v < best:
            best, best_state = v, {k: t.clone() for k, t in model.state_dict().items()}
    model.load_state_dict(best_state)

    def ae_score(raw):
        x, m = prepare(raw)
        with torch.no_grad():
            xn = torch.tensor(norm(x))
            se = ((model(xn) - xn) ** 2) * torch.tensor(m)
            return (se.sum(1) / torch.tensor(m).sum(1).clamp(min=1)).numpy()

    forest = IsolationForest(random_state=42).fit(prepare(train)[0])

    def if_score(raw):
        return -forest.score_samples(prepare(raw)[0])  # high = anomalous

    results = {}
    for name, score in [("pytorch_ae", ae_score), ("isolation_forest", if_score)]:
        b, s = score(test), score(sig)
        results[name] = {"auc": auc(b, s), "tpr_at_fpr_1e-2": tpr_at(1e-2, b, s)}
    results["versions"] = {"torch": torch.__version__, "sklearn": __import__("sklearn").__version__, "numpy": np.__version__}
    with open(out_path, "w") as fh:
        json.dump(results, fh, indent=2)
    print(json.dumps(results))


if __name__ == "__main__":
    main()

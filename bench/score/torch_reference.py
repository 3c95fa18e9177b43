"""PyTorch reference for `sieve bench`: the same dense autoencoder shapes, timed the same way.

Latency: one forward pass (encoder and decoder) of a batch, input tensor made from a numpy array
and output copied back, as a caller must; median and 99th percentile over SECONDS. Throughput:
reconstruction MSE per row of a batch of 65,536 rows, events/s. Training: one epoch of 65,536 rows
in batches of 1,024 (Adam, lr 1e-3, MSE), events/s, as `sieve bench --what train --batch 1024`
times it (which adds one loss evaluation of the rows per epoch). Each at torch.set_num_threads(n)
for n = 1 .. cores, so the comparison can be made at PyTorch's best thread setting.

Run with Debian's python3-torch (OpenBLAS): /usr/bin/python3 bench/score/torch_reference.py
Prints one JSON object per line.
"""
import json
import os
import sys
import time

import numpy as np
import torch

SECONDS = float(os.environ.get("SECONDS_PER_CASE", "3"))
SHAPES = {
    "small": (4, [64, 32], 3, torch.nn.Tanh),
    "dense-60": (60, [128, 64, 32], 3, torch.nn.ReLU),
}


def stack(widths, act, final_linear_to=None):
    layers = []
    for a, b in zip(widths, widths[1:]):
        layers += [torch.nn.Linear(a, b), act()]
    if final_linear_to is not None:
        layers.append(torch.nn.Linear(widths[-1], final_linear_to))
    return torch.nn.Sequential(*layers)


def model(name):
    f, hidden, z, act = SHAPES[name]
    enc = stack([f] + hidden, act, z)
    dec = stack([z] + hidden[::-1], act, f)
    return torch.nn.Sequential(enc, dec).eval(), f


def timed(call, seconds):
    call()
    samples = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(samples) < 5:
        t = time.perf_counter()
        call()
        samples.append((time.perf_counter() - t) * 1e6)
    samples.sort()
    return samples


def main():
    torch.manual_seed(1)
    cores = os.cpu_count() or 1
    for name in SHAPES:
        net, f = model(name)
        for threads in range(1, cores + 1):
            torch.set_num_threads(threads)
            for kind, batch in (("latency", 1), ("score", 65536)):
                x = np.random.default_rng(1).standard_normal((batch, f)).astype(np.float32)

                def call():
                    with torch.no_grad():
                        t = torch.from_numpy(x)
                        y = net(t)
                        if kind == "score":
                            ((y - t) ** 2).mean(dim=1).numpy().copy()
                        else:
                            y.numpy().copy()

                s = timed(call, SECONDS)
                report(name, kind, threads, batch, batch, s)
            data = torch.from_numpy(np.random.default_rng(2).standard_normal((65536, f)).astype(np.float32))
            trained, _ = model(name)
            trained.train()
            optimiser = torch.optim.Adam(trained.parameters(), lr=1e-3)

            def epoch():
                order = torch.randperm(data.shape[0])
                for start in range(0, data.shape[0], 1024):
                    x = data[order[start:start + 1024]]
                    optimiser.zero_grad()
                    loss = ((trained(x) - x) ** 2).mean()
                    loss.backward()
                    optimiser.step()

            report(name, "train", threads, 1024, data.shape[0], timed(epoch, SECONDS))


def report(name, kind, threads, batch, rows_per_call, s):
    print(json.dumps({
        "engine": "pytorch " + torch.__version__, "preset": name, "kind": kind, "threads": threads, "batch": batch,
        "calls": len(s), "median_microseconds": s[len(s) // 2], "p99_microseconds": s[min(len(s) - 1, int(0.99 * len(s)))],
        "events_per_second": rows_per_call * len(s) / (sum(s) * 1e-6),
    }), flush=True)


if __name__ == "__main__":
    sys.exit(main())

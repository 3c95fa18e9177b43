#!/usr/bin/env python3
"""Reference: a straightforward pandas reader of a DarkMachines CSV file into the per-object
layout tensor (N_objects, 4) = (E, pt, eta, phi) in GeV, float32 -- what Sieve's ingest produces.

Usage: /usr/bin/python3 bench/ingest/pandas_reader.py FILE [RUNS]
Prints one JSON line with the median time (Debian python3-pandas / python3-numpy).
"""
import json
import statistics
import sys
import time

import numpy as np
import pandas as pd


def read(path):
    # Ragged lines: give read_csv enough column names; absent fields become NaN.
    df = pd.read_csv(path, sep=";", header=None, names=range(64), dtype=str, engine="c")
    objects = df.iloc[:, 5:].stack()              # one entry per object, NaN dropped
    parts = objects.str.split(",", expand=True)   # code, E, pt, eta, phi
    values = parts.iloc[:, 1:5].astype(np.float64).to_numpy()
    values[:, 0:2] /= 1000.0                      # MeV -> GeV
    return values.astype(np.float32)


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    times, rows = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        tensor = read(path)
        times.append(time.perf_counter() - start)
        rows = tensor.shape[0]
    median = statistics.median(times)
    size = __import__("os").path.getsize(path)
    print(json.dumps({"tool": "pandas " + pd.__version__, "file_bytes": size, "rows": rows, "runs": runs,
                      "median_seconds": round(median, 3), "mb_per_s": round(size / 1e6 / median, 1)}))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Writes the reference files for Sieve's .npy/.npz/HDF5 reader tests.

Run with Debian's numpy and h5py (apt-get install python3-numpy python3-h5py):
    /usr/bin/python3 make_fixtures.py
The values are simple formulas so the C# tests can state them exactly; see NpyFixtureTests and
Hdf5FixtureTests. CI has no numpy: the committed files are the tests.
"""
import os
import numpy as np
import h5py

here = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(here, name)


# 2-D float64, C order: value = 0.5 * i - 1 in row-major position i.
np.save(path("f8_c.npy"), (np.arange(12, dtype="<f8") * 0.5 - 1).reshape(3, 4))
# The same values stored in Fortran order.
np.save(path("f8_fortran.npy"), np.asfortranarray((np.arange(12, dtype="<f8") * 0.5 - 1).reshape(3, 4)))
# 3-D float32, Fortran order: value = i / 4 in C row-major position i, shape (2, 3, 4).
np.save(path("f4_fortran_3d.npy"), np.asfortranarray((np.arange(24, dtype="<f4") / 4).reshape(2, 3, 4)))
# Big-endian float64 and float32.
np.save(path("f8_be.npy"), np.array([1.5, -2.25, 1e300], dtype=">f8"))
np.save(path("f4_be.npy"), np.array([[0.1, -3.0], [65504.0, 1e-20]], dtype=">f4"))
# Integers.
np.save(path("i4.npy"), np.array([[-7, 0, 3], [2147483647, -2147483648, 42]], dtype="<i4"))
np.save(path("i8.npy"), np.array([-(2 ** 40), 0, 2 ** 40 + 1], dtype="<i8"))
# Header format versions 2.0 and 3.0 (numpy picks them only when needed; force them here).
with open(path("v2.npy"), "wb") as f:
    np.lib.format.write_array(f, np.arange(6, dtype="<f8").reshape(2, 3), version=(2, 0))
with open(path("v3.npy"), "wb") as f:
    np.lib.format.write_array(f, np.arange(6, dtype="<f4").reshape(3, 2), version=(3, 0))
# Unsupported dtypes.
np.save(path("c16.npy"), np.array([1 + 2j, 3 - 4j], dtype="<c16"))
np.save(path("u10.npy"), np.array(["muon", "jet"], dtype="<U10"))
np.save(path("object.npy"), np.array([1, "a"], dtype=object), allow_pickle=True)
# Archives: stored and deflated.
np.savez(path("arrays.npz"), table=(np.arange(12, dtype="<f8") * 0.5 - 1).reshape(3, 4), counts=np.array([1, 2, 3], dtype="<i8"))
np.savez_compressed(path("arrays_compressed.npz"), l1=(np.arange(24, dtype="<f4") / 4).reshape(2, 3, 4))

# HDF5: an L1-style (5, 19, 3) float32 dataset with attributes; value = i / 8 - 10.
with h5py.File(path("l1.h5"), "w") as f:
    f.attrs["tool"] = "make_fixtures.py"
    g = f.create_group("L1")
    d = g.create_dataset("inputs", data=(np.arange(285, dtype="<f4") / 8 - 10).reshape(5, 19, 3))
    d.attrs["units"] = "GeV"
    d.attrs["feature_names"] = ["pt", "eta", "phi"]
    d.attrs["version"] = np.int64(3)
    d.attrs["scale"] = 0.5
    d.attrs["bins"] = np.array([1.0, 2.5], dtype="<f8")
    g.create_dataset("weights", data=np.array([1.0, 0.5, 0.25, 2.0, 4.0], dtype="<f8"))
    g.create_dataset("labels", data=np.array([0, 1, 0, 1, 1], dtype="<i4"))
    # A feature table as Sieve maps it: features (N, F), names, side channels as strings.
    t = f.create_group("table")
    t.create_dataset("features", data=np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.5]], dtype="<f8"))
    t.attrs["feature_names"] = ["pt", "eta"]
    t.attrs["column_order"] = ["event_id", "pt", "eta"]
    sc = t.create_group("side_channels")
    sc.create_dataset("event_id", data=["e1", "e2", "e3"], dtype=h5py.string_dtype())

print("fixtures written to", here)

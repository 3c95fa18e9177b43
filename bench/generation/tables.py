"""Markdown tables of `sieve compare` reports, shared by the generation benchmarks."""
import json
import platform
import subprocess


def load(work, name):
    """The compare.json of the comparison written to WORK/NAME."""
    return json.load(open(f"{work}/{name}/compare.json"))


def header(report):
    names = [w["feature"] for w in report["w1"] + report["derived_w1"]]
    return "| sample | " + " | ".join(f"W1 {n}" for n in names) + " | FPD |\n|---|" + "---|" * (len(names) + 1)


def row(label, report):
    cells = [f"{w['full']:.4g} ({w['mean']:.4g} ± {w['std']:.2g})" for w in report["w1"] + report["derived_w1"]]
    return f"| {label} | " + " | ".join(cells) + f" | {report['fpd']['value']:.4g} ± {report['fpd']['error']:.2g} |"


def machine():
    """CPU model, cores and kernel, for the results' machine line."""
    cpu = subprocess.run(["sh", "-c", "lscpu | grep 'Model name' | sed 's/.*: *//'"], capture_output=True, text=True).stdout.strip()
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    return f"{cpu}, {cores} cores, {platform.system()} {platform.release()}"

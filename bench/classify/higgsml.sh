#!/usr/bin/env bash
# The supervised reference on HiggsML: sieve classify on the shared background and signal files
# (stratified 60/20/20 split, seed 42), its test-split AUC with the bootstrap error, unweighted (as the
# anomaly-detection benchmark, bench/higgsml/run.sh, reports) and with the event weights honoured.
# Needs ../shared/data/higgsml. Writes bench/results/classify-higgsml-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=../shared/data/higgsml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Sieve.Cli -v:q -m:1 >/dev/null
sieve() { dotnet src/Sieve.Cli/bin/Debug/net10.0/*/sieve.dll "$@"; }
start=$(date +%s)
sieve classify -b $data/bg.csv -s $data/sig.csv --missing -999 --normalisation logzscore --seed ${SEED:-42} --ignore-weights --out $work/unweighted > $work/unweighted.log
sieve classify -b $data/bg.csv -s $data/sig.csv --missing -999 --normalisation logzscore --seed ${SEED:-42} --out $work/weighted > $work/weighted.log
seconds=$(( $(date +%s) - start ))
# The best anomaly score of bench/higgsml/run.sh (VAE recon, its split) with the classifier overlaid in one ROC plot.
head -1 $data/bg.csv > $work/bg-train.csv; sed -n 2,2451p $data/bg.csv >> $work/bg-train.csv
head -1 $data/bg.csv > $work/bg-test.csv; sed -n '2452,$p' $data/bg.csv >> $work/bg-test.csv
sieve train --input $work/bg-train.csv --missing -999 --normalisation logzscore --preset small --latent 4 --vae \
      --epochs 200 --threads 1 --seed ${SEED:-42} --out $work/vae > /dev/null
sieve score --model $work/vae --input $work/bg-test.csv --out $work/bg-scores.csv > /dev/null
sieve score --model $work/vae --input $data/sig.csv --out $work/sig-scores.csv > /dev/null
sieve roc --background $work/bg-scores.csv --signal $work/sig-scores.csv --ignore-weights --reference $work/unweighted --out $work/overlay > /dev/null
cp $work/overlay/roc.png bench/results/classify-higgsml-$(date -u +%Y-%m-%d).png
out=bench/results/classify-higgsml-$(date -u +%Y-%m-%d).md
/usr/bin/python3 - "$work" "$out" "$seconds" <<'PY'
import json, sys, datetime, subprocess
work, out, seconds = sys.argv[1], sys.argv[2], sys.argv[3]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "unknown CPU")
cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
rows = []
for name in ["unweighted", "weighted"]:
    s = json.load(open(f"{work}/{name}/classify.json"))
    tpr = next(w for w in s["working_points"] if abs(w["target_fpr"] - 1e-2) < 1e-12).get("tpr")
    c = s["confusion"]
    rows.append(f"| {name} | {s['auc']:.4f} ± {s['auc_bootstrap']['std']:.4f} | {tpr:.4f} | {c['threshold']:.3f} | "
                f"{c['true_positive']:.4g} / {c['false_negative']:.4g} / {c['false_positive']:.4g} / {c['true_negative']:.4g} | {s['best_epoch']} of {s['epochs_run']} |")
split = s["split"]
lines = ["# HiggsML: the supervised reference (sieve classify)", "",
         f"Command: `bash bench/classify/higgsml.sh` ({datetime.datetime.utcnow():%Y-%m-%dT%H:%MZ}). Background `bg.csv` against signal `sig.csv`,",
         f"stratified split seed 42: train {split['background'][0]} + {split['signal'][0]}, validation {split['background'][1]} + {split['signal'][1]},",
         f"test {split['background'][2]} + {split['signal'][2]} (background + signal). 29 features (PRI_jet_num kept losslessly), -999 masked and filled",
         "with the training mean, logzscore normalisation; classifier 29 -> 64 -> 32 -> 1. Errors: bootstrap standard deviation (200 replicates).",
         "Working point: Youden's J on the validation split; confusion matrix TP / FN / FP / TN on the test split.", "Two trainings: unweighted (`--ignore-weights`: every event once, in training and report) and weighted (the Weight column in the class-balanced loss and in the report's sums).", "",
         "| weighting | AUC (test) | TPR at FPR 1e-2 | cut | TP / FN / FP / TN | best epoch |", "|---|---|---|---|---|---|", *rows, "",
         "Best unsupervised score on HiggsML (bench/results/higgsml-2026-11-26.md, seed 42): Sieve VAE recon, AUC 0.6417 ± 0.0106 unweighted,",
         "0.6791 ± 0.0115 weighted (on its own split: 1,050 held-back background events against all 3,500 signal events).",
         f"Wall time: {seconds} s for both classifier runs. Machine: {cpu}, {cores} cores.", "",
         f"![VAE recon and the classifier in one ROC](classify-higgsml-{datetime.datetime.utcnow():%Y-%m-%d}.png)",
         "(`sieve roc --reference`: VAE recon rerun here on its split with today's 29 features, AUC " + "{:.4f} ± {:.4f}".format(json.load(open(f"{work}/overlay/report.json"))["signals"][0]["auc"], json.load(open(f"{work}/overlay/report.json"))["signals"][0]["auc_bootstrap"]["std"]) + "; " + next(n for n in json.load(open(f"{work}/overlay/report.json"))["notes"] if n.startswith("Supervised")).split(": ", 1)[1] + ")"]
open(out, "w").write("\n".join(lines) + "\n")
print("\n".join(lines))
PY

#!/usr/bin/env bash
# Quark/gluon jet images, SYNTHETIC (sieve images --synthetic; no real particle-level sample of that size
# is available offline): 3 channels by particle type (charged, photons+electrons, neutral hadrons), 32 x 32
# pixels over 0.8 x 0.8 in (delta eta, delta phi), the leading anti-kt R = 0.4 jet of each event.
#   Anomaly detection: a convolutional VAE (GENIE-style: BCE on log-scaled intensities + beta KL) trained
#   on quark jets only, scored on held-out quark jets (background) and gluon jets (the "anomaly"):
#   AUC for recon, KL and R_z.
#   Supervised reference: sieve classify on the flattened pixels, quark vs gluon, its own held-out split.
# Writes bench/results/images-quark-gluon-<date>.md. Usage: bash bench/images/quark-gluon.sh [OUT_DIR] [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
out=${1:-/tmp/sieve-bench-quark-gluon}
epochs=${2:-20}
dotnet build src/Sieve.Cli -c Release -v q -m:1 >/dev/null
sieve=$PWD/src/Sieve.Cli/bin/Release/net10.0/linux-x64/sieve
rm -rf "$out" && mkdir -p "$out" && cd "$out"
img=(--leading 1 --channels type --pixels 32)
"$sieve" images --synthetic quark --n 6000 --seed 1 "${img[@]}" --out quark-train.npy --plot quark-pictures >/dev/null
"$sieve" images --synthetic quark --n 2000 --seed 2 "${img[@]}" --out quark-test.npy >/dev/null
"$sieve" images --synthetic gluon --n 2000 --seed 3 "${img[@]}" --out gluon-test.npy --plot gluon-pictures >/dev/null
s=$(date +%s)
"$sieve" train --input quark-train.npy --preset conv-genie --beta 0.1 --image-loss bce --epochs "$epochs" --seed 1 --out vae > train.log
echo $(( $(date +%s) - s )) > train.seconds
for f in quark-test gluon-test; do "$sieve" score --model vae --input "$f.npy" --out "$f.scores.csv" >/dev/null; done
for score in recon kl rz; do "$sieve" roc --background quark-test.scores.csv --signal gluon-test.scores.csv --score "$score" --out "roc-$score" --json > "roc-$score.json"; done
"$sieve" reconstruct --model vae --input gluon-test.npy --events 0,1,2 --out reconstructions >/dev/null
s=$(date +%s)
"$sieve" classify --background quark-test.npy --signal gluon-test.npy --normalisation image --epochs "$epochs" --seed 1 --out classifier --json > classify.json
echo $(( $(date +%s) - s )) > classify.seconds

date=$(date -u +%Y-%m-%d)
/usr/bin/python3 - "$out" "$repo/bench/results/images-quark-gluon-$date.md" "$date" "$epochs" <<'PY'
import json, sys, subprocess, platform
out, dest, date, epochs = sys.argv[1:5]
cpu = subprocess.run(["sh", "-c", "lscpu | grep 'Model name' | sed 's/.*: *//'"], capture_output=True, text=True).stdout.strip()
cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
def auc(score):
    r = json.load(open(f"{out}/roc-{score}.json"))
    s = r["signals"][0] if "signals" in r else r
    return s["auc"], s.get("auc_error", s.get("auc_std", float("nan")))
c = json.load(open(f"{out}/classify.json"))
rows = "\n".join(f"| conv VAE (beta 0.1, BCE), {name} | {a:.3f} ± {e:.3f} |" for name, (a, e) in ((n, auc(n)) for n in ("recon", "kl", "rz")))
text = f"""# SYNTHETIC quark/gluon jet images: anomaly scores and the supervised reference ({date})

`bash bench/images/quark-gluon.sh OUT {epochs}`. **All images are SYNTHETIC** (`sieve images --synthetic quark|gluon`,
a toy of quark/gluon jet features, docs/images.md), not physics data: 6,000 quark-like jets for training
(seed 1), 2,000 held-out quark-like (seed 2) and 2,000 gluon-like (seed 3) for the ROC; the leading anti-kt
R = 0.4 jet, 3 channels by particle type x 32 x 32 over 0.8 x 0.8.

Conv VAE: `sieve train --preset conv-genie --beta 0.1 --image-loss bce --epochs {epochs}`, trained on quark jets
only ({open(out + '/train.seconds').read().strip()} s); gluon jets are the anomaly.
Classifier: `sieve classify` (dense network on the 3,072 pixels) on the same held-out quark and gluon
images with its own held-out split ({open(out + '/classify.seconds').read().strip()} s).

Machine: {cpu}, {cores} cores, {platform.system()} {platform.release()}, shared with other work (times are not comparable).

| score | AUC (gluon vs quark) |
|---|---|
{rows}
| supervised classifier (reference) | {c['auc']:.3f} ± {c.get('auc_error', float('nan')):.3f} |
"""
open(dest, "w").write(text)
print(dest)
PY

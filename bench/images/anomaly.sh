#!/usr/bin/env bash
# Convolutional VAE (conv-cicada) on calorimeter-region images (1 x 14 x 18): trained on the SYNTHETIC
# demo background, scored on held-out background, the synthetic dijet-resonance signal and the real
# DarkMachines mono-jet Z' file (../shared/data); AUC for recon, KL and R_z, and reconstruction pictures.
# Usage: bash bench/images/anomaly.sh [OUT_DIR] [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/sieve-bench-image-anomaly}
epochs=${2:-30}
dm=$PWD/../shared/data/darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv
dotnet build src/Sieve.Cli -c Release -v q -m:1 >/dev/null
sieve=$PWD/src/Sieve.Cli/bin/Release/net10.0/linux-x64/sieve
rm -rf "$out" && mkdir -p "$out" && cd "$out"
"$sieve" demo --out demo --epochs 1 --rows 1000 >/dev/null
for f in background-train background-test signal; do "$sieve" images --input "demo/data/synthetic-events-$f.csv" --kind regions --out "$f.npy" >/dev/null; done
signals=(signal)
if [ -f "$dm" ]; then "$sieve" images --input "$dm" --kind regions --out darkmachines.npy >/dev/null; signals+=(darkmachines); fi
"$sieve" train --input background-train.npy --preset conv-cicada --vae --epochs "$epochs" --seed 1 --out conv-vae | tail -2
for f in background-test "${signals[@]}"; do "$sieve" score --model conv-vae --input "$f.npy" --out "$f.scores.csv" >/dev/null; done
args=(); for s in "${signals[@]}"; do args+=(--signal "$s.scores.csv"); done
for score in recon kl rz; do echo "== $score"; "$sieve" roc --background background-test.scores.csv "${args[@]}" --score "$score" --out "roc-$score" | tail -6; done
"$sieve" reconstruct --model conv-vae --input signal.npy --events 0,1,2 --out pictures | tail -1

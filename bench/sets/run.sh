#!/usr/bin/env bash
# Set model against the fixed-slot AE on events: AUC and the score's correlation with multiplicity.
# Background: the built-in SYNTHETIC events (sieve demo's; train and held-out test halves), signals: the
# synthetic dijet resonance and the real DarkMachines mono-jet Z' file (../shared/data). Both models are
# plain autoencoders on the same fixed-slot rows (23 slots x pt, eta, phi), same epochs and seed.
# Usage: bash bench/sets/run.sh [OUT_DIR] [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/sieve-bench-sets}
epochs=${2:-30}
dm=../shared/data/darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv
dotnet build src/Sieve.Cli -c Release -v q -m:1 >/dev/null
sieve=src/Sieve.Cli/bin/Release/net10.0/linux-x64/sieve
rm -rf "$out" && mkdir -p "$out"
"$sieve" demo --out "$out/demo" --epochs 1 --rows 2000 >/dev/null
data=$out/demo/data
train() { "$sieve" train --input "$data/synthetic-events-background-train.csv" --layout fixed-slots --allow-drop --epochs "$epochs" --seed 1 --out "$out/$1" "${@:2}" | tail -3; }
train slot-ae
train set-ae --set-model
for model in slot-ae set-ae; do
  for input in "$data/synthetic-events-background-test.csv" "$data/synthetic-events-signal.csv" "$dm"; do
    [ -f "$input" ] || { echo "skipping $input: not found"; continue; }
    "$sieve" score --model "$out/$model" --input "$input" --allow-drop --out "$out/$model-$(basename "$input" .csv).scores.csv" >/dev/null
  done
  signals=(--signal "$out/$model-synthetic-events-signal.scores.csv")
  [ -f "$dm" ] && signals+=(--signal "$out/$model-$(basename "$dm" .csv).scores.csv")
  echo "== $model"
  "$sieve" roc --background "$out/$model-synthetic-events-background-test.scores.csv" "${signals[@]}" --out "$out/$model-roc" | tail -7
done

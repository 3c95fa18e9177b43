#!/usr/bin/env bash
# Generation from VAEs, measured with the field's metrics (sieve generate + sieve compare).
#   ATLAS jets (m, pt, phi, eta): VAE trained on train.csv (beta 1 and beta 0.01), as many jets
#     generated from the prior as test.csv has, compared with test.csv; test.csv vs train.csv as the
#     floor (two samples of the same data).
#   DarkMachines chan3: the first 80 % of the events train a per-object VAE (E, pt, eta, phi), the last
#     20 % are the test split; as many objects generated as the test split has.
# Writes bench/results/generation-<date>.md and the ATLAS pt comparison picture beside it.
# Needs ../shared/data (atlas-jets-4d, darkmachines).
set -euo pipefail
cd "$(dirname "$0")/../.."
data=../shared/data
work=${WORK:-$(mktemp -d)}
dm=$data/darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv
events=$(wc -l < $dm); ntrain=$(( events * 8 / 10 ))
head -n $ntrain $dm > $work/dm-train.csv; tail -n +$(( ntrain + 1 )) $dm > $work/dm-test.csv

dotnet build src/Sieve.Cli -v:q -m:1 >/dev/null
sieve() { dotnet src/Sieve.Cli/bin/Debug/net10.0/*/sieve.dll "$@"; }
njets=$(( $(wc -l < $data/atlas-jets-4d/test.csv) - 1 ))

for beta in 1 0.01; do
  s=$(date +%s)
  sieve train --input $data/atlas-jets-4d/train.csv --columns m,pt,phi,eta --beta $beta --latent 3 --epochs 30 --threads 1 --seed 42 --out $work/atlas-$beta > $work/atlas-$beta.log
  echo $(( $(date +%s) - s )) > $work/atlas-$beta.seconds
  sieve generate --model $work/atlas-$beta --n $njets --seed 1 --out $work/atlas-$beta.csv > /dev/null
  sieve compare --reference $data/atlas-jets-4d/test.csv --generated $work/atlas-$beta.csv --out $work/atlas-$beta-compare > /dev/null
done
sieve compare --reference $data/atlas-jets-4d/test.csv --generated $data/atlas-jets-4d/train.csv --features m,pt,phi,eta --out $work/atlas-floor > /dev/null

s=$(date +%s)
sieve train --input $work/dm-train.csv --vae --latent 3 --epochs 60 --threads 1 --seed 42 --out $work/dm-model > $work/dm.log
echo $(( $(date +%s) - s )) > $work/dm.seconds
nobjects=$(sieve compare --reference $work/dm-test.csv --generated $work/dm-test.csv --features E,pt,eta,phi --json | /usr/bin/python3 -c "import json,sys; print(json.load(sys.stdin)['reference_rows'])")
sieve generate --model $work/dm-model --n $nobjects --seed 1 --out $work/dm-gen.csv > /dev/null
sieve compare --reference $work/dm-test.csv --generated $work/dm-gen.csv --out $work/dm-compare > /dev/null
sieve compare --reference $work/dm-test.csv --generated $work/dm-train.csv --features E,pt,eta,phi --out $work/dm-floor > /dev/null

date=$(date -u +%Y-%m-%d)
out=bench/results/generation-$date.md
cp $work/atlas-0.01-compare/compare-pt.png bench/results/generation-atlas-pt-$date.png
/usr/bin/python3 - "$work" "$out" "$date" <<'PY'
import json, sys
sys.path.insert(0, "bench/generation")
from tables import header, row, machine
import tables
work, out, date = sys.argv[1:4]
def load(name): return tables.load(work, name)
sec = lambda n: open(f"{work}/{n}.seconds").read().strip()
a1, a2, af = load("atlas-1-compare"), load("atlas-0.01-compare"), load("atlas-floor")
d, df = load("dm-compare"), load("dm-floor")
text = f"""# Generation from VAEs ({date})

`bash bench/generation/run.sh`: train a VAE (`sieve train --beta B --latent 3`, 30 epochs ATLAS / 60 DarkMachines,
1 thread, seed 42), `sieve generate` as many rows as the test split from the prior N(0, I) (seed 1), `sieve compare`
against the test split. W1: full samples, in brackets JetNet's bootstrap mean ± std (5 resamples of the smaller
sample's size, with replacement). FPD over all four features (each divided by the reference's largest |value|),
extrapolated to infinite N from resamples of 40 % to 100 % of the test split, with its fit error.
The "floor" rows compare the test split with the training split (two samples of the same data): what a perfect
generator would score at these sample sizes.

Machine: {machine()}; training {sec('atlas-1')} s (beta 1), {sec('atlas-0.01')} s (beta 0.01), {sec('dm')} s (DarkMachines).

## ATLAS jets (test.csv, {a1['reference_rows']:,} jets; m, pt in MeV)

{header(a1)}
{row('VAE beta 1, prior', a1)}
{row('VAE beta 0.01, prior', a2)}
{row('floor: train.csv', af)}

## DarkMachines chan3, one row per object (test split: last 20 % of the events, {d['reference_rows']:,} objects; GeV)

{header(d)}
{row('VAE beta 1, prior', d)}
{row('floor: training split', df)}

![ATLAS pt, beta 0.01](generation-atlas-pt-{date}.png)
"""
open(out, "w").write(text)
print(text)
PY

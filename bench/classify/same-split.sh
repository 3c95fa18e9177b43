#!/usr/bin/env bash
# Classifier and the best unsupervised score on the SAME HiggsML test events: sieve classify makes its
# stratified split (seed 42, unweighted); the VAE of bench/higgsml/run.sh (logzscore, -999 masked,
# small preset, latent 4, 200 epochs) trains on every background event outside that test split and
# scores exactly the classifier's test background and signal events (matched by EventId).
# Needs ../shared/data/higgsml and /usr/bin/python3. Prints both AUCs; the ROC overlay is left in OUT.
# Usage: bash bench/classify/same-split.sh [OUT_DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
data=$PWD/../shared/data/higgsml
out=${1:-/tmp/sieve-same-split}
dotnet build src/Sieve.Cli -c Release -v q -m:1 >/dev/null
sieve=$PWD/src/Sieve.Cli/bin/Release/net10.0/linux-x64/sieve
rm -rf "$out" && mkdir -p "$out" && cd "$out"
"$sieve" classify -b "$data/bg.csv" -s "$data/sig.csv" --missing -999 --normalisation logzscore --seed 42 --ignore-weights --out classifier | head -3
/usr/bin/python3 - "$data" <<'PY'
import csv, sys
data = sys.argv[1]
test = {name: {row["event_id"] for row in csv.DictReader(open(f"classifier/test_{name}_scores.csv"))} for name in ("background", "signal")}
def split(src, ids, inside, outside):
    rows = list(csv.reader(open(src)))
    col = rows[0].index("EventId")
    with open(inside, "w", newline="") as a, open(outside, "w", newline="") as b:
        wa, wb = csv.writer(a), csv.writer(b)
        wa.writerow(rows[0]); wb.writerow(rows[0])
        for r in rows[1:]:
            (wa if r[col] in ids else wb).writerow(r)
split(f"{data}/bg.csv", test["background"], "bg-test.csv", "bg-train.csv")
split(f"{data}/sig.csv", test["signal"], "sig-test.csv", "sig-unused.csv")
PY
"$sieve" train --input bg-train.csv --missing -999 --normalisation logzscore --preset small --latent 4 --vae --epochs 200 --threads 1 --seed 42 --out vae | tail -2
"$sieve" score --model vae --input bg-test.csv --out bg-scores.csv >/dev/null
"$sieve" score --model vae --input sig-test.csv --out sig-scores.csv >/dev/null
echo "== VAE recon on the classifier's test events (unweighted), classifier overlaid"
"$sieve" roc --background bg-scores.csv --signal sig-scores.csv --ignore-weights --reference classifier --out overlay | tail -8

#!/usr/bin/env bash
# The cost of each bit on HiggsML: the documented best float model (VAE, logzscore, 30-64-32-4,
# 200 epochs, seed 42) trained on the first 2,450 background events, then emulated in
# ap_fixed<W,6> for W = 6..20 on the held-back background and the signal (quantize-model --scan):
# the score's distance from float and the AUC per width. Writes bench/results/fixedpoint-higgsml-<date>.md
# and its plots beside it. Needs ../shared/data/higgsml.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=../shared/data/higgsml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -1 $data/bg.csv > $work/bg-train.csv; sed -n 2,2451p $data/bg.csv >> $work/bg-train.csv
head -1 $data/bg.csv > $work/bg-test.csv; sed -n '2452,$p' $data/bg.csv >> $work/bg-test.csv
dotnet build src/Sieve.Cli -c Release -v:q >/dev/null
sieve=src/Sieve.Cli/bin/Release/net10.0/linux-x64/sieve
"$sieve" train --input $work/bg-train.csv --missing -999 --normalisation logzscore --preset small --latent 4 --vae \
  --epochs 200 --threads 1 --seed ${SEED:-42} --out $work/model > $work/train.log
"$sieve" quantize-model --model $work/model --scan 6:20 --integer-bits 6 --input $work/bg-test.csv --signal $data/sig.csv \
  --missing -999 --out $work/scan > /dev/null
day=$(date -u +%Y-%m-%d)
out=bench/results/fixedpoint-higgsml-$day.md
cp $work/scan/bit-scan.png bench/results/fixedpoint-higgsml-$day.png
cp $work/scan/bit-scan-auc.png bench/results/fixedpoint-higgsml-auc-$day.png
{
  echo "# Fixed point on HiggsML, $day"
  echo
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $(dotnet --version). Reproduce: \`bash bench/fixedpoint/higgsml.sh\`."
  echo "Model: $(grep -m1 'trained' $work/train.log)."
  echo "Scan: \`sieve quantize-model --scan 6:20 --integer-bits 6\` (ap_fixed<W,6>, hls4ml's default rounding and overflow, 1,024-entry tables) on the held-back background and sig.csv; AUC unweighted."
  echo
  echo '```'
  cat $work/scan/bit-scan.txt
  echo '```'
  echo
  echo "![score distance](fixedpoint-higgsml-$day.png) ![AUC](fixedpoint-higgsml-auc-$day.png)"
} > "$out"
cat "$out"

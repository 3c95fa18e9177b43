#!/usr/bin/env bash
# Honest compression baselines for the ATLAS 4-D jets (test split, 27,945 jets, m/pt/phi/eta),
# the numbers an autoencoder has to beat at equal error:
#   bash bench/compression/run.sh
# Methods: Sieve quantize (trellis and uniform; table coder), Sieve float16, float16 (MeV and GeV), uniform quantisation of (log pT, signed log1p m, eta, phi) to
# a target RMS + zstd -19 / --ultra -22 (int32, varint and byte-plane layouts), the independent
# per-column entropy of those ints, ZFP fixed accuracy on the same columns, fpzip per-column
# precision on the raw floats, and zstd of the raw float32 and of the CSV (lossless). Error
# levels: 0.1, 0.3, 1, 3 % relative RMS (pT; m over jets with m > 1 GeV) and 0.001 ... 0.03
# absolute RMS (eta; phi wrapped into (-pi, pi]). Bytes per jet include headers and per-file
# parameters; the orig_index column is reported apart. One run each (wall times are indicative).
# Writes bench/results/compression-baselines-<date>.md and .png.
# Needs ../shared/data and Debian's zstd zfp fpzip-utils python3-numpy python3-matplotlib
# (apt-get install -y zfp fpzip-utils zstd python3-numpy python3-matplotlib).
set -euo pipefail
cd "$(dirname "$0")/../.."
src=../shared/data/atlas-jets-4d/test.csv
[ -f "$src" ] || { echo "skip: $src not found" >&2; exit 0; }
for t in zstd zfp fpzip; do command -v $t >/dev/null || { echo "missing tool: $t (see the header of $0)" >&2; exit 1; }; done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
date=$(date -u +%Y-%m-%d)
mkdir -p bench/results
out=bench/results/compression-baselines-$date.md
png=bench/results/compression-baselines-$date.png

# Sieve's own quantiser runs through the CLI beside the baselines.
dotnet build src/Sieve.Cli -v:q > /dev/null
export SIEVE_DLL=$(ls src/Sieve.Cli/bin/Debug/net10.0/*/sieve.dll | head -1)
# The autoencoder mode needs a model: the README's preset, trained on the train split (about a minute).
export SIEVE_AE_MODEL=$work/model
dotnet "$SIEVE_DLL" train --input ../shared/data/atlas-jets-4d/train.csv --columns m,pt,phi,eta --units MeV --preset hepae-4d --epochs 100 --out "$SIEVE_AE_MODEL" > "$work/train.log"
TMPDIR=$work /usr/bin/python3 bench/compression/baselines.py "$src" "$work/body.md" "$png"

{
  echo "# Compression baselines: ATLAS 4-D jets"
  echo
  echo "Command: \`bash bench/compression/run.sh\` ($(date -u +%Y-%m-%dT%H:%MZ)); data: \`$src\`"
  echo "($(($(wc -l < "$src") - 1)) jets; raw = 4 float32 features = 16 bytes/jet, plus orig_index)."
  echo "Plot: [compression-baselines-$date.png](compression-baselines-$date.png). Script: [bench/compression/baselines.py](../compression/baselines.py)."
  echo
  echo "Errors, one function (\`errors\` in the script) on the decoded values of every method: pT relative"
  echo "RMS; m relative RMS over jets with m > 1 GeV; eta absolute RMS; phi absolute RMS of the residual"
  echo "wrapped into (-pi, pi]. Bytes per jet: every byte a decoder needs (payload, headers, per-file"
  echo "parameters such as steps and offsets; zstd/zfp/fpzip framing), over 27,945 jets; orig_index apart"
  echo "(last table). Transforms for quantisation and ZFP: log(pT/GeV), sign(m) log1p(|m| / 0.1 GeV), eta,"
  echo "phi (fixed by the method, no bytes). Each method is tuned per column to land at or below the"
  echo "level: quantisation step = rms * sqrt(12) (m: divided by the RMS of 1 + 0.1 GeV/m), then shrunk if"
  echo "the achieved RMS is above; ZFP: largest tolerance 2^k per column with RMS <= level (zfp's -a is a"
  echo "max-error bound, rounded down to a power of two internally); fpzip: smallest -p per column."
  echo "Wall times: one run each, separate tool invocations (process start included), on a shared machine."
  echo "Sieve's autoencoder mode is measured at every level with the README's hepae-4d model (100 epochs on"
  echo "train.csv, trained by this script, $(tr '\n' ' ' < "$work/train.log" | grep -o 'validation MSE [^ ]*' | head -1)): quantised latents"
  echo "(--latent-step auto) plus trellis corrections. The rows marked README are the best model's latents"
  echo "alone, at its own errors (configs/atlas-jets-4d-wide-weighted.json, 600 epochs; not re-run here)."
  echo "fpzip's -p is in whole bits (one bit halves the error), so at a level it lands up to 2x below;"
  echo "the plot's curves show what it costs between the levels. -19 and --ultra -22 give the same"
  echo "sizes here (the inputs are small). The entropy bound ignores the cost of the code tables."
  echo
  cat "$work/body.md"
  echo
  echo "Tools: $(zstd --version | head -1); $(zfp 2>&1 | head -1); $(fpzip -h 2>&1 | head -1);"
  echo "$(/usr/bin/python3 --version), numpy $(/usr/bin/python3 -c 'import numpy; print(numpy.__version__)'), matplotlib $(/usr/bin/python3 -c 'import matplotlib; print(matplotlib.__version__)')."
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} > "$out"
echo "wrote $out and $png"

#!/usr/bin/env bash
# Bytes per image for calorimeter-region images (1 x 14 x 18, pT in GeV): the quantiser (every pixel
# to a max error, zeros exact, table-coded), the conv AE + corrections to the same max error, and
# zstd -19 / xz -9 on the float32 .npy (lossless). Images: the SYNTHETIC demo background (train/test)
# and the real DarkMachines mono-jet file (../shared/data), made by `sieve images --kind regions`.
# Usage: bash bench/images/compression.sh [OUT_DIR] [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/sieve-bench-images}
epochs=${2:-30}
dm=../shared/data/darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv
dotnet build src/Sieve.Cli -c Release -v q -m:1 >/dev/null
sieve=$PWD/src/Sieve.Cli/bin/Release/net10.0/linux-x64/sieve
rm -rf "$out" && mkdir -p "$out" && cd "$out"
"$sieve" demo --out demo --epochs 1 --rows 1000 >/dev/null
for f in background-train background-test; do "$sieve" images --input "demo/data/synthetic-events-$f.csv" --kind regions --out "$f.npy" >/dev/null; done
inputs=(background-test)
if [ -f "$OLDPWD/$dm" ]; then "$sieve" images --input "$OLDPWD/$dm" --kind regions --out darkmachines.npy >/dev/null; inputs+=(darkmachines); fi
"$sieve" train --input background-train.npy --preset conv-cicada --epochs "$epochs" --seed 1 --out conv >/dev/null
echo "| images | N | max error (GeV) | quantise B/image | conv AE + corrections B/image | zstd -19 B/image | xz -9 B/image |"
echo "|---|---|---|---|---|---|---|"
for input in "${inputs[@]}"; do
  n=$(python3 -c "import sys,struct,ast; f=open('$input.npy','rb'); f.read(8); l=struct.unpack('<H',f.read(2))[0]; print(ast.literal_eval(f.read(l).decode())['shape'][0])")
  zstd -19 -q -f "$input.npy" -o "$input.npy.zst"; xz -9 -k -f -c "$input.npy" > "$input.npy.xz"
  for err in 0.1 0.5 2; do
    "$sieve" compress --method quantize --input "$input.npy" --max-error "*=$err" --out "$input-q-$err.sieve" >/dev/null
    "$sieve" compress --method ae --model conv --input "$input.npy" --max-error "*=$err" --out "$input-ae-$err.sieve" >/dev/null
    per() { python3 -c "print(f'{$(stat -c %s "$1")/$n:.1f}')"; }
    echo "| $input | $n | $err | $(per "$input-q-$err.sieve") | $(per "$input-ae-$err.sieve") | $(per "$input.npy.zst") | $(per "$input.npy.xz") |"
  done
done

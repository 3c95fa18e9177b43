#!/usr/bin/env bash
# Memory of `sieve evaluate` against input size: synthesised, non-repeating DarkMachines files of
# each size in SIZES (default 200 MB and 1 GB; generated from the real file in ../shared/data and
# deleted at the end) are compressed with the quantiser, decompressed and evaluated against the
# original; peak resident memory (GNU time) and wall time of evaluate per size. Bounded memory means
# the peak does not grow with the size. Writes bench/results/evaluate-memory-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
sizes=${SIZES:-"200000000 1000000000"}
src=../shared/data/darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv
work=${WORK:-$(mktemp -d)}
trap 'rm -rf "$work"' EXIT
targets="E=0.3%,pt=0.3%,eta=0.003,phi=0.003"

dotnet build src/Sieve.Cli -c Release -v:q >/dev/null
dotnet build bench/Sieve.Bench -c Release -v:q >/dev/null
sieve=src/Sieve.Cli/bin/Release/net10.0/linux-x64/sieve

rows=()
for size in $sizes; do
  dotnet bench/Sieve.Bench/bin/Release/net10.0/Sieve.Bench.dll synth-darkmachines "$src" "$size" "$work/in.csv" 1 >/dev/null
  "$sieve" compress --method quantize --target-rms "$targets" --input "$work/in.csv" --out "$work/in.sieve" >/dev/null
  "$sieve" decompress --input "$work/in.sieve" --out "$work/out.csv" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$sieve" evaluate --original "$work/in.csv" --reconstructed "$work/out.csv" \
    --archive "$work/in.sieve" --out "$work/report" >"$work/eval.txt" 2>&1 || { cat "$work/eval.txt"; exit 1; }
  read -r wall rss <"$work/time.txt"
  objects=$(python3 -c "import json; print(json.load(open('$work/report/report.json'))['rows'])")
  sampled=$(grep -c "uniform sample" "$work/report/report.json" || true)
  rows+=("| $(stat -c %s "$work/in.csv") | $objects | $wall | $((rss / 1024)) | $sampled |")
  rm -rf "$work/in.csv" "$work/out.csv" "$work/in.sieve" "$work/report"
done

out=bench/results/evaluate-memory-$(date -u +%Y-%m-%d).md
{
  echo "# evaluate: memory against input size, $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $(dotnet --version)."
  echo "Reproduce: \`bash bench/streaming/evaluate.sh\` (SIZES=\"$sizes\"). Each file: compress --method quantize --target-rms $targets, decompress, then"
  echo "\`sieve evaluate --original IN --reconstructed OUT --archive IN.sieve\`."
  echo
  echo "| input bytes | objects compared | evaluate wall s | peak RSS MB | notes on sampled residuals |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >"$out"
cat "$out"

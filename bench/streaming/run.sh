#!/usr/bin/env bash
# Streaming benchmark: memory and throughput of compress, decompress and score on a synthesised,
# non-repeating DarkMachines-format file of SIZE bytes (default 5 GB; generated on the fly from the
# real file in ../shared/data, deleted at the end), and a side-by-side size and speed comparison
# with zstd -3 and xz -6 on the same 200 MB file, one core each. Peak resident memory comes from
# GNU time. Writes bench/results/streaming-<date>.md.
# Needs ../shared/data, Debian's zstd, xz-utils and time (apt-get install zstd xz-utils time).
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${SIZE:-5000000000}
small_size=${SMALL:-200000000}
src=../shared/data/darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv
atlas=../shared/data/atlas-jets-4d/test.csv
work=${WORK:-$(mktemp -d)}
trap 'rm -rf "$work"' EXIT
targets="E=0.3%,pt=0.3%,eta=0.003,phi=0.003"

dotnet build src/Sieve.Cli -c Release -v:q >/dev/null
dotnet build bench/Sieve.Bench -c Release -v:q >/dev/null
sieve=src/Sieve.Cli/bin/Release/net10.0/linux-x64/sieve
synth() { dotnet bench/Sieve.Bench/bin/Release/net10.0/Sieve.Bench.dll synth-darkmachines "$src" "$1" "$2" 1 >/dev/null; }

# One measured command: wall seconds and peak RSS (MB) on one line, the command's output discarded.
measure() {
  local label=$1; shift
  /usr/bin/time -f "$label %e %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>&1 || { cat "$work/out.txt"; exit 1; }
  awk '{printf "%s %s %.0f\n", $1, $2, $3/1024}' "$work/time.txt"
}
bytes() { stat -c %s "$1"; }

rows=()
# 1. Side by side on 200 MB, one core each.
synth "$small_size" "$work/small.csv"
small=$(bytes "$work/small.csv")
rows+=("$(measure sieve-compress-1core "$sieve" compress --method quantize --target-rms "$targets" --input "$work/small.csv" --out "$work/small.sieve" --threads 1) $(bytes "$work/small.sieve")")
rows+=("$(measure sieve-decompress-1core "$sieve" decompress --input "$work/small.sieve" --out "$work/small.out.csv" --threads 1) $(bytes "$work/small.out.csv")")
rows+=("$(measure zstd-3 zstd -3 -T1 -q -f "$work/small.csv" -o "$work/small.zst") $(bytes "$work/small.zst")")
rows+=("$(measure zstd-3-decompress zstd -d -q -f "$work/small.zst" -o "$work/small.unzst") $small")
rows+=("$(measure xz-6 xz -6 -T1 -k -f "$work/small.csv") $(bytes "$work/small.csv.xz")")
rows+=("$(measure xz-6-decompress xz -d -T1 -c "$work/small.csv.xz") $small")
rm -f "$work/small.unzst" "$work/small.out.csv"

# 2. The large file on all cores: bounded memory whatever the size.
synth "$size" "$work/large.csv"
large=$(bytes "$work/large.csv")
rows+=("$(measure sieve-compress-all-cores "$sieve" compress --method quantize --target-rms "$targets" --input "$work/large.csv" --out "$work/large.sieve") $(bytes "$work/large.sieve")")
rows+=("$(measure sieve-decompress-all-cores "$sieve" decompress --input "$work/large.sieve" --out "$work/large.out.csv") $(bytes "$work/large.out.csv")")
rm -f "$work/large.out.csv"
"$sieve" train --input "$src" --layout fixed-slots --allow-drop --preset small --epochs 3 --out "$work/model" >/dev/null
rows+=("$(measure sieve-score-all-cores "$sieve" score --model "$work/model" --allow-drop --input "$work/large.csv" --out "$work/large-scores.csv") $(bytes "$work/large-scores.csv")")
events=$(($(wc -l < "$work/large-scores.csv") - 1))

# 3. ATLAS jets at 0.3 % / 0.003: bytes per jet of the four features (orig_index dropped).
"$sieve" compress --method quantize --input "$atlas" --columns m,pt,phi,eta --units MeV --drop-columns orig_index \
  --target-rms pt=0.3%,m=0.3%,eta=0.003,phi=0.003 --out "$work/atlas.sieve" >/dev/null
atlas_bytes=$(bytes "$work/atlas.sieve")

out=bench/results/streaming-$(date -u +%Y-%m-%d).md
mkdir -p bench/results
{
  echo "# Streaming pipeline: memory and throughput"
  echo
  echo "Command: \`bash bench/streaming/run.sh\` ($(date -u +%Y-%m-%dT%H:%MZ)), SIZE=$size. Files: synthesised DarkMachines"
  echo "events (the real file's events drawn at random, scaled, rotated and shifted; six digits; nothing repeats):"
  echo "$small bytes for the one-core rows, $large bytes for the all-core rows. Sieve at --target-rms $targets."
  echo "MB/s counts the uncompressed CSV (input of compressors, output of decompressors); peak RSS from GNU time."
  echo
  echo "| run | wall s | MB/s of CSV | peak RSS MB | output bytes | CSV bytes / output bytes |"
  echo "|---|---|---|---|---|---|"
  for r in "${rows[@]}"; do
    set -- $r
    case $1 in *all-cores*) n=$large ;; *) n=$small ;; esac
    # Decompressors are timed by the CSV they write; a score file is not compared with the CSV.
    case $1 in sieve-decompress*) csv=$4; ratio="$(awk -v a="$4" -v b="$n" 'BEGIN{printf "%.3f of the original", a / b}')" ;;
               *decompress*) csv=$n; ratio="-" ;;
               *score*) csv=$n; ratio="-" ;;
               *) csv=$n; ratio=$(awk -v a="$n" -v b="$4" 'BEGIN{printf "%.2f", a / b}') ;; esac
    echo "| $1 | $2 | $(awk -v a="$csv" -v t="$2" 'BEGIN{printf "%.1f", a / 1e6 / t}') | $3 | $4 | $ratio |"
  done
  echo
  echo "Score: $events events scored with a small fixed-slot model, $(awk -v e="$events" -v t="$(printf '%s\n' "${rows[@]}" | awk '$1=="sieve-score-all-cores"{print $2}')" 'BEGIN{printf "%.0f", e / t}') events/s end to end."
  echo "ATLAS test.csv (27,945 jets) at pt=0.3%,m=0.3%,eta=0.003,phi=0.003 with orig_index dropped: $atlas_bytes bytes, $(awk -v b="$atlas_bytes" 'BEGIN{printf "%.3f", b / 27945}') bytes/jet."
  echo
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(dotnet --version | sed 's/^/.NET SDK /');"
  echo "$(zstd --version | head -1); $(xz --version | head -1); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
} > "$out"
cat "$out"

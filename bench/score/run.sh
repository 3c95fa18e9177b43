#!/usr/bin/env bash
# Score benchmark: `sieve score` end to end from a .npy file (read, normalise, score, write CSV)
# with the native kernels and with libtorch, on a synthesised float32 table of ROWS x 4 (default
# 10 million jets, generated on the fly and deleted at the end); `sieve bench` latency and in-memory
# throughput for the small and dense-60 presets; and, where Debian's python3-torch is installed
# (apt-get install python3-torch), the same shapes in PyTorch at every thread setting; and the
# Level-1 encoder (57-32-16-3, R_z, no decoder) batched and at batch 1.
# Peak resident memory from GNU time. Writes bench/results/score-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${ROWS:-10000000}
seconds=${SECONDS_PER_CASE:-3}
work=${WORK:-$(mktemp -d)}
trap 'rm -rf "$work"' EXIT

dotnet build src/Sieve.Cli -c Release -v:q >/dev/null
dotnet build bench/Sieve.Bench -c Release -v:q >/dev/null
sieve=src/Sieve.Cli/bin/Release/net10.0/linux-x64/sieve
synth() { dotnet bench/Sieve.Bench/bin/Release/net10.0/Sieve.Bench.dll synth-npy "$@" >/dev/null; }

measure() {
  local label=$1; shift
  /usr/bin/time -f "$label %e %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>&1 || { cat "$work/out.txt"; exit 1; }
  awk '{printf "%s %s %.0f\n", $1, $2, $3/1024}' "$work/time.txt"
}

synth "$work/train.npy" 200000 4 2
synth "$work/jets.npy" "$rows" 4 1
"$sieve" train --input "$work/train.npy" --preset small --epochs 3 --out "$work/model" >/dev/null
end_to_end=()
for engine in native torch; do
  end_to_end+=("$(measure "score-$engine" "$sieve" score --engine "$engine" --model "$work/model" --input "$work/jets.npy" --out "$work/scores-$engine.csv") $(stat -c %s "$work/scores-$engine.csv")")
done
# The two engines' scores agree to float precision: largest absolute difference, and largest
# relative difference among scores above 1e-3 (smaller ones are all absolute noise).
agree=$(paste -d, "$work/scores-native.csv" "$work/scores-torch.csv" | awk -F, 'NR > 1 { d = $3 - $8; if (d < 0) d = -d; if (d > a) a = d; if ($8 > 1e-3 && d / $8 > r) r = d / $8 } END { printf "%.2e absolute, %.2e relative", a, r }')

bench_json=()
for preset in small dense-60; do
  for what in latency score; do
    bench_json+=("$("$sieve" bench --what "$what" --preset "$preset" --seconds "$seconds" --json | tr -d '\n ')")
  done
done
# Training the 60-128-64-32-3 AE at batch 1024 (libtorch), beside PyTorch's own below.
bench_json+=("$("$sieve" bench --what train --preset dense-60 --batch 1024 --seconds "$seconds" --json | tr -d '\n')")
# The Level-1 trigger case: a 57-32-16-3 VAE's encoder alone, R_z as the score.
for what in latency score; do
  bench_json+=("$("$sieve" bench --what "$what" --preset l1-57 --encoder-only --seconds "$seconds" --json | tr -d '\n')")
done
torch_lines=""
if /usr/bin/python3 -c "import torch" 2>/dev/null; then
  torch_lines=$(SECONDS_PER_CASE="$seconds" /usr/bin/python3 bench/score/torch_reference.py)
fi

out=bench/results/score-$(date -u +%Y-%m-%d).md
mkdir -p bench/results
{
  echo "# Score benchmark, $(date -u +%Y-%m-%d)"
  echo
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; $(dotnet --version); load average at start $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "Reproduce: \`bash bench/score/run.sh\` (ROWS=$rows, SECONDS_PER_CASE=$seconds)."
  echo
  echo "## End to end: \`sieve score\` from a $rows x 4 float32 .npy to CSV (small preset, 4-64-32-3 tanh)"
  echo
  echo "| engine | wall s | events/s | peak RSS MB | output bytes |"
  echo "|---|---|---|---|---|"
  for r in "${end_to_end[@]}"; do
    read -r label wall rss bytes <<<"$r"
    echo "| ${label#score-} | $wall | $(awk -v n="$rows" -v s="$wall" 'BEGIN { printf "%.0f", n / s }') | $rss | $bytes |"
  done
  echo
  echo "Largest difference of score_recon between the engines: $agree."
  echo
  echo "## \`sieve bench\` (in memory, no file I/O)"
  echo
  echo "| preset | kind | engine | batch | threads | events/s | median us | p99 us |"
  echo "|---|---|---|---|---|---|---|---|"
  for j in "${bench_json[@]}"; do
    echo "$j" | /usr/bin/python3 -c '
import json, sys
r = json.load(sys.stdin)
for e in r["engines"]:
    print("| %s | %s | %s | %d | %d | %.0f | %.2f | %.2f |" % (r["model"], r["kind"], e["engine"], r["batch"], r["threads"], e["events_per_second"], e["median_microseconds"], e["p99_microseconds"]))'
  done
  echo
  if [ -n "$torch_lines" ]; then
    echo "## PyTorch reference (Debian python3-torch, bench/score/torch_reference.py), every thread setting"
    echo
    echo "| preset | kind | engine | batch | threads | events/s | median us | p99 us |"
    echo "|---|---|---|---|---|---|---|---|"
    echo "$torch_lines" | /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    e = json.loads(line)
    print("| %s | %s | %s | %d | %d | %.0f | %.2f | %.2f |" % (e["preset"], e["kind"], e["engine"], e["batch"], e["threads"], e["events_per_second"], e["median_microseconds"], e["p99_microseconds"]))'
  else
    echo "PyTorch reference not run: /usr/bin/python3 cannot import torch (apt-get install python3-torch)."
  fi
} >"$out"
cat "$out"

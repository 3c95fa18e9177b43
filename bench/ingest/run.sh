#!/usr/bin/env bash
# Side-by-side ingest measurement: DarkMachines CSV -> per-object float32 tensor, one core each.
# Synthesises a >= 200 MB file by repeating the real one, runs Sieve's batch reader and a
# straightforward pandas reader on the same core, and writes bench/results/ingest-<date>.md.
# Needs ../shared/data and Debian's python3-pandas (apt-get install python3-pandas).
set -euo pipefail
cd "$(dirname "$0")/../.."
src=../shared/data/darkmachines/monojet_Zp2000.0_DM_50.0_chan3.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
big=$work/dm-repeated.csv
while [ ! -f "$big" ] || [ "$(stat -c %s "$big")" -lt 200000000 ]; do cat "$src" >> "$big"; done
core=${CORE:-1}

dotnet build bench/Sieve.Bench -c Release -v:q >/dev/null
sieve=$(taskset -c "$core" dotnet bench/Sieve.Bench/bin/Release/net10.0/Sieve.Bench.dll ingest "$big" 5)
pandas=$(taskset -c "$core" /usr/bin/python3 bench/ingest/pandas_reader.py "$big" 3)

out=bench/results/ingest-$(date -u +%Y-%m-%d).md
mkdir -p bench/results
{
  echo "# DarkMachines ingest: Sieve vs pandas"
  echo
  echo "Command: \`bash bench/ingest/run.sh\` ($(date -u +%Y-%m-%dT%H:%MZ)). Both pinned to core $core with taskset;"
  echo "file: the real DarkMachines file repeated to $(stat -c %s "$big") bytes. Output of both: the"
  echo "(N_objects, 4) float32 tensor of (E, pT, eta, phi) in GeV. Medians over the runs."
  echo
  echo "| reader | median s | MB/s (one core) | rows |"
  echo "|---|---|---|---|"
  for j in "$sieve" "$pandas"; do
    /usr/bin/python3 -c 'import json,sys; d=json.loads(sys.argv[1]); print("| %s | %s | %s | %s |" % (d["tool"], d["median_seconds"], d["mb_per_s"], d["rows"]))' "$j"
  done
  /usr/bin/python3 -c 'import json,sys; a=json.loads(sys.argv[1]); b=json.loads(sys.argv[2]); print("\nRatio: Sieve is %.1fx faster than pandas." % (b["median_seconds"]/a["median_seconds"]))' "$sieve" "$pandas"
  echo
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB;"
  echo "$(dotnet --version | sed 's/^/.NET SDK /'); $(/usr/bin/python3 --version), pandas $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)');"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (a shared machine: compare the two rows, not absolute numbers)."
  echo
  echo "Raw:"
  echo '```'
  echo "$sieve"
  echo "$pandas"
  echo '```'
} > "$out"
cat "$out"

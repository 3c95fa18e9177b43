#!/usr/bin/env bash
# Jet clustering time: Sieve's tiled nearest-neighbour and all-pairs O(N^3) clustering beside
# FastJet (N2Plain, N2Tiled, Best) on the same pile-up event, anti-kt R = 0.4, medians of 9 runs.
# Needs g++ and libfastjet-dev (installed when fastjet-config is missing, as root).
# Writes bench/results/jets-<date>.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${SIEVE_SHARED_DATA:-$root/../shared/data}/fastjet"
event="${EVENT:-$data/Pythia-dijet-ptmin100-lhc-pileup-1ev.dat}"
command -v fastjet-config >/dev/null || apt-get install -y libfastjet-dev
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
g++ -O2 -std=c++17 -o "$build/fastjet_timing" "$root/bench/jets/fastjet_timing.cc" $(fastjet-config --cxxflags) -lfastjet
dotnet build "$root/bench/Sieve.Bench" -c Release -v q -m:1 >/dev/null
out="$root/bench/results/jets-$(date -u +%F).md"
{
  echo "# Jet clustering time, $(date -u +%F)"
  echo
  echo "Machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(nproc) cores (shared); .NET $(dotnet --version); FastJet $(fastjet-config --version), g++ -O2."
  echo "Event: first event of $(basename "$event"), its first N particles; anti-kt R = 0.4, inclusive jets above 5 GeV; medians of ${RUNS:-21} runs after one warm-up."
  echo "Reproduce: \`bash bench/jets/run.sh\`."
  echo
  echo "## Sieve (bench/Sieve.Bench jets)"
  echo
  dotnet "$root/bench/Sieve.Bench/bin/Release/net10.0/Sieve.Bench.dll" jets "$event" "${RUNS:-21}"
  echo
  echo "## FastJet (bench/jets/fastjet_timing.cc)"
  echo
  "$build/fastjet_timing" "$event" "${RUNS:-21}"
} > "$out"
cat "$out"

#!/usr/bin/env bash
# Latent-size scan on the ATLAS 4-D jets through Slurm: latent = 1..5, SEEDS seeds each, on the
# first ROWS training jets (m, pt, phi, eta in MeV; the hepae-4d network, EPOCHS epochs), one
# training per array task on the one-node cluster .ci/slurm/start.sh starts (needs root). The
# same scan then runs locally one training at a time (--local --cpus 2 on this 2-core machine), for
# the array's time against one process after another. Writes bench/results/atlas-latent-scan-<date>.md
# and the loss-versus-latent plot beside it.
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${ROWS:-20000}
seeds=${SEEDS:-2}
epochs=${EPOCHS:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -n $((rows + 1)) ../shared/data/atlas-jets-4d/train.csv > "$work/train.csv"
dotnet build src/Sieve.Cli -c Release -v:q >/dev/null
sieve=$PWD/src/Sieve.Cli/bin/Release/net10.0/linux-x64/sieve
bash .ci/slurm/start.sh
train=(-- --columns m,pt,phi,eta --units MeV --preset hepae-4d --epochs "$epochs")

start=$(date +%s.%N)
"$sieve" scan --grid latent=1,2,3,4,5 --seeds "$seeds" --input "$work/train.csv" --out "$work/slurm" --slurm --time 00:20:00 "${train[@]}" >/dev/null
"$sieve" collect "$work/slurm" --wait --timeout 3600 --poll 1 > "$work/slurm.txt"
slurm_s=$(echo "$(date +%s.%N) - $start" | bc)

start=$(date +%s.%N)
"$sieve" scan --grid latent=1,2,3,4,5 --seeds "$seeds" --input "$work/train.csv" --out "$work/serial" --local --cpus 2 "${train[@]}" > "$work/serial.txt"
serial_s=$(echo "$(date +%s.%N) - $start" | bc)

day=$(date -u +%Y-%m-%d)
out=bench/results/atlas-latent-scan-$day.md
cp "$work/slurm/scan.png" "bench/results/atlas-latent-scan-$day.png"
{
  echo "# Latent-size scan on ATLAS jets through Slurm, $day"
  echo
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(nproc) cores; $(dotnet --version); Slurm $(sinfo --version | cut -d' ' -f2), one node."
  echo "Reproduce: \`bash bench/cluster/atlas-scan.sh\` (ROWS=$rows, SEEDS=$seeds, EPOCHS=$epochs): first $rows jets of train.csv, hepae-4d, latent 1..5 x $seeds seeds = $((5 * seeds)) trainings."
  echo
  printf '| run | wall s |\n|---|---|\n| Slurm job array (one training per task, 1 core each, 2 at a time) | %.1f |\n| one training after another (--local --cpus 2) | %.1f |\n' "$slurm_s" "$serial_s"
  echo
  echo "Scan table (scan.csv of the Slurm run):"
  echo
  echo '```'
  cat "$work/slurm/scan.csv"
  echo '```'
  echo
  echo "collect's summary:"
  echo
  echo '```'
  cat "$work/slurm.txt"
  echo '```'
  echo
  echo "![validation loss against latent size](atlas-latent-scan-$day.png)"
} > "$out"
cat "$out"

#!/usr/bin/env bash
# How closely `sieve jets` matches the committed FastJet reference (tests/fixtures/fastjet), every
# file and definition of it: prints the number of jets, the largest differences of pT (relative),
# eta (relative, floor 1), phi (absolute) and m (absolute, GeV), and the constituent-count mismatches.
# Needs python3 (standard library only) and a built src/Sieve.Cli.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${SIEVE_SHARED_DATA:-$root/../shared/data}/fastjet"
sieve=(dotnet run --project "$root/src/Sieve.Cli" --no-build --)
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for f in Pythia-PtMin1000-LHC-10ev.dat single-event.dat boosted_top_event.dat HZ-event-Hmass115.dat \
         Pythia-Zp2jets-lhc-pileup-1ev.dat Pythia-dijet-ptmin100-lhc-pileup-1ev.dat; do
  for d in "antikt 0.4" "antikt 1.0" "kt 0.6" "cambridge 0.6"; do
    set -- $d
    "${sieve[@]}" jets --input "$data/$f" --algorithm "$1" --radius "$2" --ptmin 5 --out "$out/$f,$1,$2.csv" --json > /dev/null
  done
done
python3 - "$root/tests/fixtures/fastjet/fastjet-reference.csv" "$out" <<'PY'
import csv, glob, os, sys
ref = list(csv.DictReader(l for l in open(sys.argv[1]) if not l.startswith('#')))
worst = {'pt': 0.0, 'eta': 0.0, 'phi': 0.0, 'm': 0.0}
jets = mismatches = 0
for path in sorted(glob.glob(os.path.join(sys.argv[2], '*.csv'))):
    name, algorithm, radius = os.path.basename(path)[:-4].split(',')
    mine = list(csv.DictReader(open(path)))
    theirs = [r for r in ref if r['file'] == name and r['algorithm'] == algorithm and abs(float(r['radius']) - float(radius)) < 1e-9]
    if len(mine) != len(theirs):
        sys.exit(f'{name} {algorithm} R={radius}: {len(mine)} jets, FastJet {len(theirs)}')
    for a, b in zip(mine, theirs):
        jets += 1
        worst['pt'] = max(worst['pt'], abs(float(a['pt']) - float(b['pt'])) / float(b['pt']))
        worst['eta'] = max(worst['eta'], abs(float(a['eta']) - float(b['eta'])) / max(1.0, abs(float(b['eta']))))
        worst['phi'] = max(worst['phi'], abs(float(a['phi']) - float(b['phi_std'])))
        worst['m'] = max(worst['m'], abs(float(a['m']) - float(b['m'])))
        mismatches += a['constituents'] != b['constituents']
print(f'{jets} jets; largest differences: pT {worst["pt"]:.3g} (relative), eta {worst["eta"]:.3g}, phi {worst["phi"]:.3g} rad, m {worst["m"]:.3g} GeV; constituent-count mismatches: {mismatches}')
PY

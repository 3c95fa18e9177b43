#!/usr/bin/env bash
# Stops the one-node Slurm cluster that .ci/slurm/start.sh started: cancels what is queued, asks
# the controller to shut the cluster down (`scontrol shutdown`: ~2 s, where signalling slurmd
# takes ~6 s), signals what is left by its pid file (waiting up to 10 s for each), then stops
# munged. Never fails: a cluster that is not running counts as stopped.
set -uo pipefail
scancel --user="$(id -un)" >/dev/null 2>&1
stop() { # pidfile
  [ -s "$1" ] || return 0
  local pid; pid=$(cat "$1")
  kill "$pid" 2>/dev/null
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  rm -f "$1"
}
scontrol shutdown >/dev/null 2>&1
for _ in $(seq 1 40); do
  { [ -s /run/sieve-slurmd.pid ] && kill -0 "$(cat /run/sieve-slurmd.pid)" 2>/dev/null; } \
    || { [ -s /run/sieve-slurmctld.pid ] && kill -0 "$(cat /run/sieve-slurmctld.pid)" 2>/dev/null; } || break
  sleep 0.25
done
stop /run/sieve-slurmd.pid
stop /run/sieve-slurmctld.pid
stop /run/munge/munged.pid
echo "slurm: stopped" >&2
exit 0

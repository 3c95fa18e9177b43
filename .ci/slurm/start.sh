#!/usr/bin/env bash
# Starts a one-node Slurm cluster on this machine for the end-to-end cluster tests: installs
# slurm-wlm and munge from Debian if they are missing, writes a slurm.conf for this host
# (no cgroups, no accounting: containers have neither), starts munged, slurmctld and slurmd,
# and waits until `sinfo` shows the node idle. Needs root. Exits non-zero with the reason on
# stderr when the cluster could not be started; .ci/run carries on without it (the tests that
# need Slurm then skip and say so).
set -uo pipefail

say() { echo "slurm: $*" >&2; }
fail() { say "$*"; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "not root; cannot install or start Slurm."

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v slurmd >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1 || ! command -v sbatch >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || fail "slurmctld/slurmd/munged are missing and there is no apt-get to install them."
  say "installing slurmctld slurmd slurm-client munge from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt_opts=(-q -y -o DPkg::Lock::Timeout=300 -o Acquire::Retries=1 -o Acquire::http::Timeout=30 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
  if ! apt-get "${apt_opts[@]}" install --no-install-recommends slurmctld slurmd slurm-client munge >/tmp/sieve-slurm-apt.log 2>&1; then
    apt-get -q -o DPkg::Lock::Timeout=300 -o Acquire::Retries=1 -o Acquire::http::Timeout=30 update >>/tmp/sieve-slurm-apt.log 2>&1
    apt-get "${apt_opts[@]}" install --no-install-recommends slurmctld slurmd slurm-client munge >>/tmp/sieve-slurm-apt.log 2>&1 \
      || { tail -n 5 /tmp/sieve-slurm-apt.log >&2; fail "apt-get could not install Slurm (log: /tmp/sieve-slurm-apt.log)."; }
  fi
fi

host=$(hostname -s)
conf_dir=/etc/slurm
spool=/var/spool/sieve-slurm
logs=/var/log/sieve-slurm
mkdir -p "$conf_dir" "$spool/ctld" "$spool/d" "$logs"

# The node's real CPUs, sockets, cores and memory, as slurmd sees them (a node configured with
# more than it has is drained).
node=$(slurmd -C 2>/dev/null | grep '^NodeName=' | head -n 1)
[ -n "$node" ] || fail "slurmd -C did not describe this node."
node=$(sed -E "s/^NodeName=[^ ]+/NodeName=$host/" <<<"$node")
# Leave 10% of the memory to the machine.
mem=$(sed -nE 's/.*RealMemory=([0-9]+).*/\1/p' <<<"$node")
[ -n "$mem" ] && node=$(sed -E "s/RealMemory=[0-9]+/RealMemory=$(( mem * 9 / 10 ))/" <<<"$node")

cat >"$conf_dir/slurm.conf" <<CONF
# Written by .ci/slurm/start.sh: a one-node cluster for tests.
ClusterName=sieve-ci
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
StateSaveLocation=$spool/ctld
SlurmdSpoolDir=$spool/d
SlurmctldPidFile=/run/sieve-slurmctld.pid
SlurmdPidFile=/run/sieve-slurmd.pid
SlurmctldLogFile=$logs/slurmctld.log
SlurmdLogFile=$logs/slurmd.log
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
MinJobAge=300
KillWait=5
Waittime=0
SchedulerType=sched/backfill
$node State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

# munge: a key, its run folder, the daemon (as the munge user when there is one).
mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge
if [ ! -s /etc/munge/munge.key ]; then
  if command -v mungekey >/dev/null 2>&1; then mungekey --create --keyfile=/etc/munge/munge.key >/dev/null 2>&1; fi
  [ -s /etc/munge/munge.key ] || dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
if id munge >/dev/null 2>&1; then
  chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
fi
chmod 0700 /etc/munge; chmod 0400 /etc/munge/munge.key; chmod 0755 /run/munge
if ! pgrep -x munged >/dev/null 2>&1; then
  if id munge >/dev/null 2>&1; then
    runuser -u munge -- /usr/sbin/munged || fail "munged did not start."
  else
    /usr/sbin/munged --force || fail "munged did not start."
  fi
fi
for _ in $(seq 1 20); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.25; done
munge -n 2>/dev/null | unmunge >/dev/null 2>&1 || fail "munge does not answer (credential round trip failed)."

# Restart the Slurm daemons so that they read this configuration.
for pidfile in /run/sieve-slurmd.pid /run/sieve-slurmctld.pid; do
  [ -s "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null
done
sleep 0.5
slurmctld -c -i >>"$logs/start.log" 2>&1 || { tail -n 5 "$logs/slurmctld.log" >&2; fail "slurmctld did not start (log: $logs/slurmctld.log)."; }
slurmd >>"$logs/start.log" 2>&1 || { tail -n 5 "$logs/slurmd.log" >&2; fail "slurmd did not start (log: $logs/slurmd.log)."; }

for _ in $(seq 1 60); do
  state=$(sinfo -h -n "$host" -o '%t' 2>/dev/null | head -n 1)
  case "$state" in
    idle|mix|alloc) say "node $host is $state ($(sinfo -h -o '%P %c CPUs %m MB' | head -n 1))"; exit 0 ;;
  esac
  sleep 0.5
done
tail -n 5 "$logs/slurmd.log" >&2
fail "node $host did not become idle within 30 s (sinfo says '${state:-nothing}'; logs in $logs)."

#!/usr/bin/env bash
# week06-clustering/soak.sh: runs the week's crash scenarios again and again on the reference solutions
# and adds up what happened to the orders. One test run is an anecdote; a lost record that shows up once
# in twenty runs is a bug. The scenarios: the failover drill (clean shutdown, hard kill, clean bounce,
# hard bounce of the leader) and the rolling restart of 3 controllers and 3 brokers under load.
#
#   week06-clustering/soak.sh        # 5 rounds (about 2 minutes each on a 2-core machine)
#   week06-clustering/soak.sh 20     # 20 rounds
# Prints a line per scenario and round, then the totals; exit status 1 if anything was lost or doubled.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ROUNDS=${1:-5}
LOG=$ROOT/week06-clustering/target/soak.log
mkdir -p "$(dirname "$LOG")"
: > "$LOG"

"$ROOT/mvnw" -q -B -ntp -f "$ROOT/pom.xml" install -DskipTests -Psolutions -pl week06-clustering -am
for round in $(seq 1 "$ROUNDS"); do
  started=$SECONDS
  "$ROOT/mvnw" -B -ntp -f "$ROOT/pom.xml" test -Psolutions -pl week06-clustering \
      -Dtest='FailoverDrillTest,RollingRestartTest' -Dsurefire.failIfNoSpecifiedTests=false > "$LOG.round" 2>&1 || true
  grep '^soak: ' "$LOG.round" | sed "s/^soak: /round $round: /" | tee -a "$LOG"
  grep -q 'BUILD SUCCESS' "$LOG.round" || echo "round $round: a test failed; see $LOG.round" | tee -a "$LOG"
  echo "round $round took $((SECONDS - started)) s"
done

awk -F'[:,] ' '
  /acknowledged/ {
    scenario = $2
    for (i = 3; i <= NF; i++) { n = split($i, kv, " "); total[scenario, kv[1]] += kv[n]; names[scenario] = 1 }
    runs[scenario]++
  }
  END {
    printf "%-28s %5s %13s %9s %5s %11s %13s\n", "scenario", "runs", "acknowledged", "consumed", "lost", "duplicated", "failed sends"
    bad = 0
    for (s in names) {
      printf "%-28s %5d %13d %9d %5d %11d %13d\n", s, runs[s], total[s, "acknowledged"], total[s, "consumed"],
             total[s, "lost"], total[s, "duplicated"], total[s, "failed"]
      bad += total[s, "lost"] + total[s, "duplicated"]
    }
    exit bad > 0
  }' "$LOG"

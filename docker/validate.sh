#!/usr/bin/env bash
# Checks every docker/**/compose.yml offline, without a Docker engine: `config -q` parses the file and
# checks its schema and the references between services. Exit status 1 if any file is invalid.
set -euo pipefail
cd "$(dirname "$0")"

if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  echo "docker/validate.sh: found neither docker-compose nor 'docker compose'; nothing was checked." >&2
  echo "Install one and run it again, e.g. on Debian or Ubuntu: apt-get install docker-compose" >&2
  exit 1
fi

files=()
while IFS= read -r file; do files+=("$file"); done < <(find . -name compose.yml | sed 's#^\./##' | sort)
if [ ${#files[@]} -eq 0 ]; then
  echo "docker/validate.sh: no compose.yml found under docker/" >&2
  exit 1
fi

status=0
for file in "${files[@]}"; do
  if errors=$("${compose[@]}" -f "$file" config -q 2>&1); then
    echo "ok  docker/$file"
  else
    echo "FAILED  docker/$file"
    echo "$errors" | sed 's/^/    /'
    status=1
  fi
done
# The monitoring overlay is no project of its own: it is checked on top of the cluster it extends.
if errors=$("${compose[@]}" -f cluster/compose.yml -f monitoring/compose.monitoring.yml config -q 2>&1); then
  echo "ok  docker/cluster/compose.yml + docker/monitoring/compose.monitoring.yml"
else
  echo "FAILED  docker/cluster/compose.yml + docker/monitoring/compose.monitoring.yml"
  echo "$errors" | sed 's/^/    /'
  status=1
fi

# Its Prometheus configuration and rules, with Prometheus's own checker where it is installed.
if command -v promtool >/dev/null 2>&1; then
  if errors=$(promtool check config monitoring/prometheus/prometheus.yml 2>&1 && promtool check rules monitoring/prometheus/rules/*.yml 2>&1); then
    echo "ok  docker/monitoring/prometheus (promtool check config, check rules)"
  else
    echo "FAILED  docker/monitoring/prometheus"
    echo "$errors" | sed 's/^/    /'
    status=1
  fi
else
  echo "--  docker/monitoring/prometheus not checked: no promtool (./lab prometheus install)"
fi
exit $status

#!/usr/bin/env bash
# Validates every Compose file under docker/ offline (no Docker engine needed): docker-compose config -q.
set -euo pipefail
cd "$(dirname "$0")"

if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  echo "docker/validate.sh: neither docker-compose nor 'docker compose' is installed." >&2
  echo "Install one (Debian/Ubuntu: apt-get install docker-compose) and run it again." >&2
  exit 1
fi

status=0
while IFS= read -r file; do
  if errors=$("${compose[@]}" -f "$file" config -q 2>&1); then
    echo "ok      docker/$file"
  else
    echo "INVALID docker/$file"
    echo "$errors" | sed 's/^/        /'
    status=1
  fi
done < <(find . -name compose.yml | sed 's#^\./##' | sort)
exit $status

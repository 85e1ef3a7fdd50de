#!/usr/bin/env bash
# `npm start`: install what is missing, build, migrate, and run API + workers in one process.
# No DATABASE_URL: the embedded database in $DATA_DIR (default ./data). No REDIS_URL: a redis-server
# started by the process itself (Debian's redis-server package is installed first if missing and we are root).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # npm install keeps to package-lock.json; npm ci refuses lock files without other platforms'
  # optional packages, which is what this registry yields.
  echo "fangquan: installing dependencies (npm install)"
  npm install --no-audit --no-fund --loglevel=error
fi
echo "fangquan: building"
npm run --silent build
if [ -n "${DATABASE_URL:-}" ]; then
  node dist/scripts/migrate.js
fi
exec node dist/apps/api/src/main.js --with-worker

#!/usr/bin/env bash
# Installs everything the tests need on a fresh machine (Debian packages, services, npm packages), then runs them all.
# Usage: bash scripts/setup-test.sh        (the README's test command; .ci/run calls it)
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
need_pkg() { # need_pkg <command> <debian package>…
  local cmd=$1; shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if [ $apt_updated = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

# PostgreSQL (the Store contract suite runs against it) on 127.0.0.1:5432, trust auth, database `test`.
need_pkg pg_ctlcluster postgresql
if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
pg_isready -h 127.0.0.1 -p 5432 -q || { echo "setup-test: PostgreSQL is not answering on 127.0.0.1:5432" >&2; exit 1; }
psql -h 127.0.0.1 -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='test'" 2>/dev/null | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE test" >/dev/null 2>&1 || true

# Redis (the distributed executor) on 127.0.0.1:6379.
need_pkg redis-server redis-server
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi

# bubblewrap (the code_exec sandbox) and a system python3 that the sandbox's user (nobody, under root) can read.
need_pkg bwrap bubblewrap
need_pkg /usr/bin/python3 python3-minimal

# poppler-utils: pdftoppm renders scanned PDF pages for OCR; pdftotext is the ingest benchmark's yardstick.
# ghostscript: tests make real PDFs (text and scanned) with it.
need_pkg pdftoppm poppler-utils
need_pkg gs ghostscript

# Supply chain: every locked package pinned, with a sha512 integrity hash, from the registry (npm ci verifies the hashes).
node scripts/check-lockfile.mjs

# npm packages, exactly as locked (better-sqlite3 compiles here: about a minute).
npm ci --engine-strict --no-audit --no-fund
npm test

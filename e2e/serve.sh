#!/usr/bin/env bash
# Starts the built Zori for the end-to-end tests on a fresh database (PostgreSQL when reachable).
set -euo pipefail
port="${1:-1390}"
cd "$(dirname "$0")/.."
url=$(npx tsx e2e/support/fresh-database.ts)
# Specs that seed or inspect rows read the database URL of this run from here (e2e/support/database.ts).
echo "$url" > "${TMPDIR:-/tmp}/zori-e2e-$port.database-url"
export DATABASE_URL="$url" PORT="$port" NODE_ENV=production ZORI_DEV_OUTBOX=1 \
  NEXTAUTH_URL="http://localhost:$port" NEXTAUTH_SECRET="e2e-nextauth-secret-0123456789" \
  ZORI_ENCRYPTION_KEY="ZTJlLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc=" ZORI_DATA_DIR="${TMPDIR:-/tmp}/zori-e2e-data" \
  ZORI_DEMO="${ZORI_DEMO:-1}"
exec npx tsx server/index.ts

#!/usr/bin/env bash
# The whole test suite: types, unit + integration (Vitest, real PostgreSQL), then end-to-end
# (Playwright in Debian's Chromium against the built app).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
npm run --silent db:generate >/dev/null
npx tsc --noEmit
npx vitest run
npm run --silent build
npx playwright test

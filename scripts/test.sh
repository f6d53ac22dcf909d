#!/usr/bin/env bash
# The whole test suite: types, unit + integration (Vitest, real PostgreSQL), then end-to-end
# (Playwright in Debian's Chromium against the built app). Ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
results="${TMPDIR:-/tmp}/zori-test-results-$$"
mkdir -p "$results"
npm run --silent db:generate >/dev/null
npx tsc --noEmit
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"
npm run --silent build
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" npx playwright test --reporter=list,json
node -e '
  const [v, p] = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")));
  const passed = v.numPassedTests + (p.stats.expected ?? 0) + (p.stats.flaky ?? 0);
  const failed = v.numFailedTests + (p.stats.unexpected ?? 0);
  console.log(`\nvitest ${v.numPassedTests}/${v.numTotalTests}, playwright ${p.stats.expected} passed (${p.stats.flaky ?? 0} flaky, ${p.stats.skipped ?? 0} skipped)`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
' "$results/vitest.json" "$results/playwright.json"
rm -rf "$results"

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
# The README's first command on a fresh copy with nothing configured (embedded PostgreSQL, demo, sign-in, SIGTERM).
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/first-run.json" npx playwright test -c playwright.first-run.config.ts --reporter=list,json
node -e '
  const [v, p, f] = process.argv.slice(1).map((file) => JSON.parse(require("fs").readFileSync(file, "utf8")));
  const e2e = { expected: p.stats.expected + f.stats.expected, flaky: (p.stats.flaky ?? 0) + (f.stats.flaky ?? 0), skipped: (p.stats.skipped ?? 0) + (f.stats.skipped ?? 0), unexpected: (p.stats.unexpected ?? 0) + (f.stats.unexpected ?? 0) };
  const passed = v.numPassedTests + e2e.expected + e2e.flaky;
  const failed = v.numFailedTests + e2e.unexpected;
  console.log(`\nvitest ${v.numPassedTests}/${v.numTotalTests}, playwright ${e2e.expected} passed (${f.stats.expected} of them first-run; ${e2e.flaky} flaky, ${e2e.skipped} skipped)`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
' "$results/vitest.json" "$results/playwright.json" "$results/first-run.json"
rm -rf "$results"

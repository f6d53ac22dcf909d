import { defineConfig } from '@playwright/test';
import { STRIPE_E2E, STRIPE_EMULATOR_PORT } from './e2e/support/stripe-emulator';

// End-to-end tests drive Debian's Chromium (Playwright's own browser download is unreachable here)
// against the built app, started by e2e/serve.sh on a fresh database.
const PORT = Number(process.env.ZORI_E2E_PORT ?? 1390);

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  // On CI one retry keeps a rare timing flake from blocking a landing; Playwright still reports it as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // The emulator's port is derived from ZORI_E2E_PORT and may be one Chromium refuses (ERR_UNSAFE_PORT, e.g. 1720).
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--explicitly-allowed-ports=${STRIPE_EMULATOR_PORT}`],
    },
  },
  webServer: [
    // The local Stripe emulator stands in for Stripe (Connect OAuth, API, webhook deliveries), 300 ports up.
    {
      command: `npx tsx stripe-emulator/cli.ts --port ${STRIPE_EMULATOR_PORT} --client-id ${STRIPE_E2E.clientId} --platform-key ${STRIPE_E2E.platformKey} --app-client-id ${STRIPE_E2E.appClientId} --retry-delays 200,500,1000 --quiet`,
      url: `http://127.0.0.1:${STRIPE_EMULATOR_PORT}/_emulator/state`,
      timeout: 60_000,
      reuseExistingServer: false,
    },
    {
      command: `bash e2e/serve.sh ${PORT}`,
      url: `http://localhost:${PORT}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      // Zori reaches the emulator by configuration only, as it would reach Stripe.
      env: {
        STRIPE_API_BASE: `http://127.0.0.1:${STRIPE_EMULATOR_PORT}`,
        STRIPE_CONNECT_BASE: `http://127.0.0.1:${STRIPE_EMULATOR_PORT}`,
        STRIPE_PLATFORM_SECRET_KEY: STRIPE_E2E.platformKey,
        STRIPE_CONNECT_CLIENT_ID: STRIPE_E2E.clientId,
        STRIPE_APP_CLIENT_ID: STRIPE_E2E.appClientId,
        STRIPE_APP_INSTALL_URL: `http://127.0.0.1:${STRIPE_EMULATOR_PORT}/oauth/v2/authorize`,
      },
    },
  ],
});

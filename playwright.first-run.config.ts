import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// The README's first command, as a newcomer runs it: e2e-first-run/ starts its own fresh copy of
// the built app (nothing configured but PORT), so it has no webServer here.
export default defineConfig({
  testDir: 'e2e-first-run',
  timeout: 300_000,
  expect: { timeout: 15_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { ...base.use, baseURL: undefined },
});

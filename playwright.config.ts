import { defineConfig, devices } from '@playwright/test';
import { assertNode22 } from './scripts/node-guard.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { CSP_REPORT_FILE } from './tests/e2e/csp-log';

assertNode22('Playwright');

const PORT = Number(process.env.E2E_PORT ?? 4399);


// End-to-end tests run against the built site (npm run build) served as static files, in the
// system Chromium: Playwright cannot download its own browsers here.

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    // The offline suite allows the service worker; elsewhere it would serve pages from its cache,
    // past page.route and the per-test server state (tests/e2e/offline.spec.ts).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  // The test server sends the site's real headers (dist/_headers, the CSP among them) and logs every
  // CSP violation report; the global teardown fails the run if any arrived.
  globalSetup: './tests/e2e/csp-setup.ts',
  globalTeardown: './tests/e2e/csp-teardown.ts',
  webServer: {
    command: `node scripts/serve-dist.mjs dist ${PORT}`,
    env: { CSP_REPORT_FILE },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests run against the production build (`next start`).
 * `npm test` / `npm run test:e2e` build first when needed and find a Chromium;
 * see scripts/test.mjs.
 *
 * Environment:
 *   E2E_PORT             port for the server Playwright starts (default 3123)
 *   PLAYWRIGHT_BASE_URL  test an already running server instead of starting one
 *   CHROMIUM_PATH        Chromium executable to use instead of Playwright's own
 */
const port = Number(process.env.E2E_PORT ?? 3123);
const externalBaseURL = process.env.PLAYWRIGHT_BASE_URL;
const baseURL = externalBaseURL ?? `http://127.0.0.1:${port}`;
const executablePath = process.env.CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: "test/e2e",
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: "list",
  outputDir: "test-results",
  use: {
    baseURL,
    // A failed test keeps its trace (each action's DOM, the network, the console) and its last
    // screenshot. The trace's filmstrip is left out: recording a screencast of every frame made a
    // test that steps the run about 30% slower on a two-core runner (20.7 s against 15.2-16.7 s).
    trace: { mode: "retain-on-failure", screenshots: false },
    // The service worker is tested in offline.spec.ts; elsewhere it would only precache in every test.
    serviceWorkers: "block",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: externalBaseURL
    ? undefined
    : {
        command: `node node_modules/next/dist/bin/next start -p ${port} -H 127.0.0.1`,
        url: baseURL,
        reuseExistingServer: false,
        timeout: 60_000,
        stdout: "ignore",
        stderr: "pipe",
        env: { NEXT_TELEMETRY_DISABLED: "1" },
        gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
      },
});

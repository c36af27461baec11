// Our Playwright configuration for Phoenix LiveView's own e2e suite (the specs run unchanged):
// chromium only, Debian's /usr/bin/chromium, our fixture server on localhost:4004, one worker,
// no retries. run-upstream-suite.sh copies this file next to the suite's copy and sets
// LIVEDECK_CONFORMANCE_SERVER to the server's command line.
import { devices } from "@playwright/test";

const server = process.env.LIVEDECK_CONFORMANCE_SERVER;

export default {
  testDir: "./test/e2e/tests",
  outputDir: "./test-results",
  forbidOnly: false,
  retries: 0,
  workers: 1,
  fullyParallel: false,
  reporter: [["list"], ["json", { outputFile: "./results.json" }]],
  use: {
    baseURL: "http://localhost:4004/",
    ignoreHTTPSErrors: true,
    trace: "off",
    screenshot: "off",
  },
  webServer: server
    ? {
        command: server,
        url: "http://127.0.0.1:4004/health",
        reuseExistingServer: true,
        stdout: "pipe",
        stderr: "pipe",
      }
    : undefined,
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
          ],
        },
      },
    },
  ],
};

// Pages under LiveDeck's Content-Security-Policy: opens a page recording every violation the
// browser reports (and console errors), with the light or dark colour scheme.
'use strict';

async function openStrictPage(browser, url, { colorScheme = 'light', viewport = { width: 1440, height: 1000 } } = {}) {
  const context = await browser.newContext({ colorScheme, viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  const frames = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('websocket', (ws) => {
    ws.on('framereceived', (f) => frames.push(String(f.payload)));
  });
  // Runs before any page script, outside the page's policy: every violation is kept.
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const response = await page.goto(url, { timeout: 30000 });
  await page.waitForSelector('[data-phx-main].phx-connected', { timeout: 30000 });
  return { context, page, errors, frames, response };
}

async function violations(page) {
  return page.evaluate(() => window.__cspViolations);
}

module.exports = { openStrictPage, violations };

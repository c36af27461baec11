// The widget gallery in Chromium: every widget live with no console error and nothing blocked by
// the CSP, chart hover values, the 200 points/s chart, the refresh control remembered and paused
// in a hidden tab, CSV export, toasts; screenshots light and dark.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { launchBrowser } = require('./lib/browser');
const { openStrictPage, violations } = require('./lib/csp');
const { startLivedeck } = require('./lib/livedeck');

const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');

test('the gallery: live widgets, hover, refresh control, CSV, toasts', async () => {
  const browser = await launchBrowser();
  const server = await startLivedeck([], { fresh: true });
  try {
    const live = await openStrictPage(browser, `${server.url}/widgets`);
    const { page } = live;
    assert.ok(await page.locator('#chart-traffic polyline').count() >= 4, 'the chart is full on mount');
    // The stress chart moves ten times a second.
    const stress = () => page.getAttribute('#chart-stress .lw-plot-data', 'transform');
    const t0 = await stress();
    await page.waitForFunction((t) => document.querySelector('#chart-stress .lw-plot-data').getAttribute('transform') !== t, t0);
    // Hover: the values under the pointer, from the points in the page.
    const box = await page.locator('#chart-traffic .lw-chart-svg').boundingBox();
    await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5);
    await page.waitForSelector('#chart-traffic .lw-chart-tip:not(.lw-hidden)');
    assert.match(await page.textContent('#chart-traffic .lw-chart-tip'), /requests\/s: \d/);
    // Refresh: 5 s chosen, remembered across a reload.
    await page.click('#refresh-refresh-5000');
    await page.waitForSelector('#refresh-refresh-5000[aria-pressed=true]');
    await page.reload();
    await page.waitForSelector('[data-phx-main].phx-connected');
    await page.waitForSelector('#refresh-refresh-5000[aria-pressed=true]');
    // A hidden tab pauses the page.
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForSelector('#refresh-refresh .lw-refresh-state');
    await page.evaluate(() => {
      Object.defineProperty(document, 'hidden', { value: false, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await page.waitForSelector('#refresh-refresh .lw-refresh-state', { state: 'detached' });
    // Table: sort in the URL, CSV download.
    await page.click('#table-services th button:has-text("Service")');
    await page.waitForFunction(() => location.search.includes('services_sort=name'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#table-services-csv')]);
    assert.strictEqual(download.suggestedFilename(), 'services.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    assert.strictEqual(csv.split('\r\n').length, 1002);
    // Toasts announce politely and go away by themselves.
    await page.click('#toast-ok');
    await page.waitForSelector('#toasts-toasts[aria-live=polite] .lw-toast');
    await page.waitForSelector('#toasts-toasts .lw-toast', { state: 'detached', timeout: 15000 });
    // Modal with focus inside.
    await page.click('#open-modal');
    await page.waitForSelector('#modal-demo-modal-dialog');
    assert.strictEqual(await page.evaluate(() => document.activeElement.id), 'modal-demo-modal-confirm');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#modal-demo-modal-dialog', { state: 'detached' });
    assert.deepStrictEqual(await violations(page), []);
    assert.deepStrictEqual(live.errors, []);
    await live.context.close();
    for (const scheme of ['light', 'dark']) {
      const shot = await openStrictPage(browser, `${server.url}/widgets`, { colorScheme: scheme });
      await shot.page.screenshot({ path: path.join(SCREENSHOTS, `widgets-${scheme}.png`), fullPage: true });
      assert.deepStrictEqual(shot.errors, []);
      await shot.context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});

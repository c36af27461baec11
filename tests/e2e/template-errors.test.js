// Development mode in Chromium: a template saved with a syntax error shows file, line, column and
// the source in the page; saved fixed, the page comes back by itself with its state.
// LIVEDECK_SCREENSHOTS=DIR keeps light and dark screenshots of each error view there.
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { launchBrowser, openLivePage } = require('./lib/browser');
const { startDevLivedeck } = require('./lib/dev-server');

const counter = 'examples/counter.heex';
// Line 2 of the counter gets markup that must stay text in the error view, and the error itself.
const breakCounter = (text) => text.replace('<h1>Count:', '<h1><script>window.__ran = true</script> {@count +} Count:');
const fixCounter = (text) => text.replace('<h1><script>window.__ran = true</script> {@count +} Count:', '<h1>Total:');

let browser;
let dev;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
});

async function withDevServer(body) {
  dev = await startDevLivedeck(); // on a copy: the tests edit templates
  try {
    await body();
  } finally {
    assert.strictEqual(await dev.stop(), 0);
  }
}

async function screenshot(page, name) {
  const dir = process.env.LIVEDECK_SCREENSHOTS;
  if (!dir) return;
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: path.join(dir, `${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

// What the error view must say about the broken counter, and that its source stayed text.
async function verifyCounterError(page, selector) {
  const text = await page.textContent(selector);
  assert.match(text, /examples\/counter\.heex:2:\d+/);
  assert.match(text, /expected/);
  assert.ok(text.includes('<script>window.__ran = true</script> {@count +}'), text);
  assert.strictEqual(await page.locator(`${selector} script`).count(), 0);
  assert.strictEqual(await page.evaluate(() => window.__ran), undefined);
}

test('saved broken, the error shows over the open page; saved fixed, the page is back with its state', () =>
  withDevServer(async () => {
    const live = await openLivePage(browser, `${dev.url}/examples/counter`);
    const { page } = live;
    await page.click('#inc');
    await page.waitForFunction(() => document.querySelector('#count')?.textContent === '1');

    dev.editTemplate(counter, breakCounter);
    await page.waitForSelector('#livedeck-dev-overlay .dev-error');
    await verifyCounterError(page, '#livedeck-dev-overlay .dev-error');
    assert.strictEqual(await page.textContent('#count'), '1', 'the page underneath stays');
    await screenshot(page, 'overlay');

    dev.editTemplate(counter, fixCounter);
    await page.waitForFunction(() => document.querySelector('h1')?.textContent.startsWith('Total:') &&
      !document.getElementById('livedeck-dev-overlay'));
    assert.strictEqual(await page.textContent('#count'), '1', 'the view kept its state');
    await page.click('#inc');
    await page.waitForFunction(() => document.querySelector('#count')?.textContent === '2');
    assert.deepStrictEqual(live.errors, []);
  }));

test('a first render while broken is the error view (500); saved fixed, the page comes back by itself', () =>
  withDevServer(async () => {
    dev.editTemplate(counter, breakCounter);
    const page = await browser.newPage();
    const response = await page.goto(`${dev.url}/examples/counter`);
    assert.strictEqual(response.status(), 500);
    // The error stands in for the view, whose socket joins and waits for the fix.
    await page.waitForSelector('[data-phx-main].phx-connected .dev-error');
    await verifyCounterError(page, '[data-phx-main] .dev-error');
    await screenshot(page, 'first-render');

    await page.evaluate(() => { window.__sameDocument = true; });
    dev.editTemplate(counter, fixCounter);
    await page.waitForSelector('[data-phx-main] #count');
    assert.ok(await page.evaluate(() => window.__sameDocument), 'no reload: the live view rendered');
    await page.click('#inc');
    await page.waitForFunction(() => document.querySelector('#count')?.textContent === '1');
    await page.close();
  }));

test('a root layout saved broken gets an error page that reloads once the layout compiles', () =>
  withDevServer(async () => {
    const layout = 'layout/root.heex';
    let original;
    dev.editTemplate(layout, (text) => {
      original = text;
      return text.replace('<title>{@title}</title>', '<title>{@title</title>');
    });
    const page = await browser.newPage();
    const response = await page.goto(`${dev.url}/examples/counter`);
    assert.strictEqual(response.status(), 500);
    const text = await page.textContent('.dev-error-page .dev-error');
    assert.match(text, /layout\/root\.heex:7:\d+/);
    await screenshot(page, 'layout');

    dev.editTemplate(layout, () => original);
    await page.waitForSelector('[data-phx-main].phx-connected #count');
    await page.close();
  }));

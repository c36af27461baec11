// Development mode in Chromium: saving a template re-renders the open page with its state kept.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const { launchBrowser, openLivePage } = require('./lib/browser');
const { startDevLivedeck } = require('./lib/dev-server');

test('a saved template shows up in the open page, state kept', async () => {
  const livedeck = await startDevLivedeck(); // on a copy: the test edits templates
  const browser = await launchBrowser();
  try {
    const live = await openLivePage(browser, `${livedeck.url}/examples/counter`);
    await live.page.click('#inc');
    await live.page.waitForFunction(() => document.querySelector('#count')?.textContent === '1');

    const started = Date.now();
    livedeck.editTemplate('examples/counter.heex', (text) => text.replace('Count:', 'Total so far:'), { inPlace: true });
    await live.page.waitForFunction(() => document.querySelector('h1')?.textContent.startsWith('Total so far:'));
    console.log(`template change visible after ${Date.now() - started} ms`);
    assert.strictEqual(await live.page.textContent('#count'), '1', 'the view kept its state');
    await live.page.click('#inc'); // and still works
    await live.page.waitForFunction(() => document.querySelector('#count')?.textContent === '2');
    assert.deepStrictEqual(live.errors, []);
  } finally {
    await browser.close();
    assert.strictEqual(await livedeck.stop(), 0);
  }
});

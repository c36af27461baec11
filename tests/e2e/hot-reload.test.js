// Development mode in Chromium: saving a template re-renders the open page with its state kept.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { launchBrowser, openLivePage } = require('./lib/browser');
const { startLivedeck } = require('./lib/livedeck');

test('a saved template shows up in the open page, state kept', async () => {
  // Work on a copy: the test edits templates.
  const resources = fs.mkdtempSync(path.join(os.tmpdir(), 'livedeck-dev-'));
  for (const dir of ['templates', 'assets']) {
    fs.cpSync(path.join(__dirname, '..', '..', 'resources', dir), path.join(resources, dir), { recursive: true });
  }
  const livedeck = await startLivedeck(['--dev', '--resources', resources]);
  const browser = await launchBrowser();
  try {
    const live = await openLivePage(browser, `${livedeck.url}/examples/counter`);
    await live.page.click('#inc');
    await live.page.waitForFunction(() => document.querySelector('#count')?.textContent === '1');

    const file = path.join(resources, 'templates', 'examples', 'counter.heex');
    const started = Date.now();
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('Count:', 'Total so far:'));
    await live.page.waitForFunction(() => document.querySelector('h1')?.textContent.startsWith('Total so far:'));
    console.log(`template change visible after ${Date.now() - started} ms`);
    assert.strictEqual(await live.page.textContent('#count'), '1', 'the view kept its state');
    await live.page.click('#inc'); // and still works
    await live.page.waitForFunction(() => document.querySelector('#count')?.textContent === '2');
    assert.deepStrictEqual(live.errors, []);
  } finally {
    await browser.close();
    assert.strictEqual(await livedeck.stop(), 0);
    fs.rmSync(resources, { recursive: true, force: true });
  }
});

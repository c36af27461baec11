// Durability: every chat message the server acknowledged is still there after kill -9.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { launchBrowser, openLivePage, actAndSettle } = require('./lib/browser');
const { startLivedeck } = require('./lib/livedeck');

test('acknowledged messages survive kill -9 of the server', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livedeck-durable-'));
  const browser = await launchBrowser();
  let server = await startLivedeck([], { dataDir });
  try {
    const live = await openLivePage(browser, `${server.url}/examples/chat?user=writer`);
    const acknowledged = [];
    for (let i = 1; i <= 15; i++) {
      const body = `durable message ${i}`;
      await live.page.fill('#body', body);
      // The reply to the submit is the acknowledgement: the message is on disk by then.
      const reply = await actAndSettle(live, { selector: '#send' });
      assert.strictEqual(reply.status, 'ok');
      acknowledged.push(body);
    }
    await server.kill(); // no clean shutdown: only what is on disk counts
    server = await startLivedeck([], { dataDir });
    const page = await browser.newPage();
    await page.goto(`${server.url}/examples/chat?user=reader`);
    const texts = await page.locator('#messages li').allTextContents();
    for (const body of acknowledged) {
      assert.ok(texts.includes(`writer: ${body}`), `lost after kill -9: ${body}`);
    }
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

// State across a restart: kill -9 the server under an open page, start it again on the same port;
// the browser's own reconnect rejoins the same view (no page reload). The counter comes back from
// its checkpoint with its count and goes on counting; the chat comes back in its room with its
// stored messages and the draft still in the input.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { launchBrowser, openLivePage, actAndSettle } = require('./lib/browser');
const { startLivedeck } = require('./lib/livedeck');

test('an open page keeps its view state across kill -9 and restart', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livedeck-restart-'));
  const browser = await launchBrowser();
  let server = await startLivedeck([], { dataDir });
  try {
    const live = await openLivePage(browser, `${server.url}/examples/counter`);
    for (let i = 0; i < 3; i++) await actAndSettle(live, { selector: '#inc' });
    assert.strictEqual(await live.page.textContent('#count'), '3');
    // A marker that a page reload would lose: the state must come back through a rejoin.
    await live.page.evaluate(() => { window.__sameDocument = true; });
    const joinsBefore = live.frames.filter((f) => f.dir === 'send' && f.msg && f.msg[3] === 'phx_join').length;

    await server.kill();
    await live.page.waitForSelector('[data-phx-main]:not(.phx-connected)', { timeout: 10000 });
    server = await startLivedeck([], { dataDir, port: server.port });
    // The client reconnects by itself (its backoff is at most a few seconds here).
    await live.page.waitForSelector('[data-phx-main].phx-connected', { timeout: 20000 });

    assert.strictEqual(await live.page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
    const joinsAfter = live.frames.filter((f) => f.dir === 'send' && f.msg && f.msg[3] === 'phx_join').length;
    assert.ok(joinsAfter > joinsBefore, 'the view was joined again on the new server');
    assert.strictEqual(await live.page.textContent('#count'), '3', 'the count came back from the checkpoint');
    await actAndSettle(live, { selector: '#inc' });
    assert.strictEqual(await live.page.textContent('#count'), '4');
    assert.deepStrictEqual(live.errors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED|net::/.test(e)), []);
    assert.match(server.log(), /restored from its checkpoint/);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('an open chat keeps its room, its messages and the typed draft across kill -9 and restart', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livedeck-restart-chat-'));
  const browser = await launchBrowser();
  let server = await startLivedeck([], { dataDir });
  try {
    const live = await openLivePage(browser, `${server.url}/examples/chat?user=ops&room=incident`);
    await live.page.fill('#body', 'database is down');
    await actAndSettle(live, { selector: '#send' });
    // The sender's own message arrives as a broadcast diff after the reply.
    await live.page.waitForFunction(() => document.querySelectorAll('#messages li').length === 1);
    await live.page.fill('#body', 'half-typed dra');
    await live.page.evaluate(() => { window.__sameDocument = true; });

    await server.kill();
    await live.page.waitForSelector('[data-phx-main]:not(.phx-connected)', { timeout: 10000 });
    server = await startLivedeck([], { dataDir, port: server.port });
    await live.page.waitForSelector('[data-phx-main].phx-connected', { timeout: 20000 });

    assert.strictEqual(await live.page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
    assert.deepStrictEqual(await live.page.locator('#messages li').allTextContents(), ['ops: database is down']);
    // The draft is the browser's: LiveView keeps an input's value across a rejoin.
    assert.strictEqual(await live.page.inputValue('#body'), 'half-typed dra');
    await live.page.fill('#body', 'half-typed draft, sent after the restart');
    await actAndSettle(live, { selector: '#send' });
    await live.page.waitForFunction(() => document.querySelectorAll('#messages li').length === 2);
    assert.deepStrictEqual(await live.page.locator('#messages li').allTextContents(),
      ['ops: database is down', 'ops: half-typed draft, sent after the restart']);
    // Same room after the restart: the lobby did not get it.
    const lobby = await openLivePage(browser, `${server.url}/examples/chat?user=lobbyist`);
    assert.strictEqual(await lobby.page.locator('#messages li').count(), 0);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

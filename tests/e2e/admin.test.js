// Operator actions seen from the browser: disconnecting one session closes that socket only and
// the page reconnects by itself (no reload); draining keeps a disconnected page out until resume.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { launchBrowser, openLivePage, actAndSettle } = require('./lib/browser');
const { startLivedeck } = require('./lib/livedeck');

async function admin(server, token, method, what, body) {
  const res = await fetch(`${server.url}/admin/api/${what}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.strictEqual(res.status, 200, `${what}: ${await res.clone().text()}`);
  return res.json();
}

function joins(live) {
  return live.frames.filter((f) => f.dir === 'send' && f.msg && f.msg[3] === 'phx_join').length;
}

test('an operator disconnect closes one socket; that page reconnects, the other never notices', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livedeck-admin-'));
  const browser = await launchBrowser();
  const server = await startLivedeck([], { dataDir });
  try {
    const token = fs.readFileSync(path.join(dataDir, 'admin.token'), 'utf8').trim();
    const target = await openLivePage(browser, `${server.url}/examples/counter`);
    const bystander = await openLivePage(browser, `${server.url}/examples/list`);
    await actAndSettle(target, { selector: '#inc' });
    await target.page.evaluate(() => { window.__sameDocument = true; });
    const bystanderJoins = joins(bystander);

    const snapshot = await admin(server, token, 'GET', 'snapshot');
    const session = snapshot.sessions.find((s) => s.path === '/examples/counter' && s.state === 'joined');
    assert.ok(session, 'the counter page is a joined session');
    assert.strictEqual(session.events, 1);
    assert.match(session.user_agent, /Chrom/);
    const targetJoins = joins(target);
    await admin(server, token, 'POST', 'disconnect-session', { id: session.id });

    // The page notices the close and the client's own reconnect brings it back.
    await target.page.waitForFunction(() => document.querySelector('[data-phx-main].phx-connected'), null, { timeout: 15000 });
    await waitFor(() => joins(target) > targetJoins, 15000, 'the page joined again');
    assert.strictEqual(await target.page.evaluate(() => window.__sameDocument), true, 'no page reload');
    assert.strictEqual(await target.page.textContent('#count'), '1', 'the counter came back');
    assert.strictEqual(joins(bystander), bystanderJoins, 'the other page was not touched');
    assert.match(server.log(), /disconnected by an operator/);

    // Draining: a page whose socket closes stays out until the operator resumes.
    await admin(server, token, 'POST', 'drain', { draining: true });
    const after = (await admin(server, token, 'GET', 'snapshot')).sessions
      .find((s) => s.path === '/examples/counter' && s.state !== 'left');
    await admin(server, token, 'POST', 'disconnect-session', { id: after.id });
    await target.page.waitForSelector('[data-phx-main]:not(.phx-connected)', { timeout: 10000 });
    // The client's reconnect attempt reaches the server and is refused.
    await waitFor(() => /refused a WebSocket: server draining/.test(server.log()), 15000, 'a refused reconnect');
    assert.strictEqual(await target.page.$('[data-phx-main].phx-connected'), null, 'still out while draining');
    await admin(server, token, 'POST', 'drain', { draining: false });
    await target.page.waitForSelector('[data-phx-main].phx-connected', { timeout: 20000 });
    assert.strictEqual(await target.page.textContent('#count'), '1');
    assert.strictEqual(await target.page.evaluate(() => window.__sameDocument), true, 'no page reload');
    assert.deepStrictEqual(bystander.errors, []);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

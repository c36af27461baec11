// livedeck-conformance's fixtures in Chromium, without the upstream suite (CI has no copy of
// it): the /form fixture recovers its fields after a reconnect and the /stream fixture moves an
// item, as LiveView 1.2's own specs expect (tests/conformance/run-upstream-suite.sh runs those).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const { launchBrowser, openLivePage } = require('./lib/browser');

let browser;
let server;
let baseUrl;

function startConformanceServer() {
  const bin = process.env.LIVEDECK_CONFORMANCE_BIN;
  if (!bin || !fs.existsSync(bin)) {
    throw new Error(`LIVEDECK_CONFORMANCE_BIN must point at livedeck-conformance (got ${bin})`);
  }
  const child = spawn(bin, ['--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, QT_NO_GLIB: '1' } });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`livedeck-conformance did not start:\n${out}\n${log}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1] }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`livedeck-conformance exited with ${code}:\n${log}`)); });
  });
}

before(async () => {
  browser = await launchBrowser();
  server = await startConformanceServer();
  baseUrl = server.url;
});

after(async () => {
  await browser.close();
  const exited = new Promise((resolve) => server.child.on('exit', (code) => resolve(code)));
  server.child.kill('SIGTERM');
  assert.strictEqual(await exited, 0, 'livedeck-conformance must exit 0 on SIGTERM');
});

test('/form: typed fields come back after the socket reconnects (phx-change recovery)', async () => {
  const live = await openLivePage(browser, `${baseUrl}/form`);
  const { page } = live;
  await page.fill('input[name=b]', 'test');
  await page.fill('input[name=c]', 'hello world');
  await page.selectOption('select[name=d]', 'bar');
  await page.waitForFunction(() => !document.querySelector('.phx-change-loading'));

  await page.evaluate(() => new Promise((resolve) => window.liveSocket.disconnect(resolve)));
  await page.waitForSelector('[data-phx-main].phx-loading');
  live.frames.length = 0;
  await page.evaluate(() => window.liveSocket.connect());
  await page.waitForSelector('[data-phx-main].phx-connected');
  await page.waitForFunction(() => !document.querySelector('.phx-change-loading'));

  assert.strictEqual(await page.inputValue('input[name=b]'), 'test');
  assert.strictEqual(await page.inputValue('select[name=d]'), 'bar');
  const recovery = live.frames.find((f) => f.dir === 'send' && f.msg && f.msg[3] === 'event' && f.msg[4].event === 'validate');
  assert.ok(recovery, 'the client sent the recovery change event');
  const fields = new URLSearchParams(recovery.msg[4].value);
  assert.strictEqual(fields.get('c'), 'hello world');
  assert.strictEqual(fields.get('_unused_a'), '');
  assert.deepStrictEqual(live.errors, []);
});

test('/stream: delete then insert at 0 moves an item to the front', async () => {
  const live = await openLivePage(browser, `${baseUrl}/stream`);
  const { page } = live;
  const ids = () => page.$$eval('#users > div', (els) => els.map((e) => e.id));
  assert.deepStrictEqual(await ids(), ['users-1', 'users-2']);
  await page.click('#users-2 button:text("make first")');
  await page.waitForFunction(() => document.querySelector('#users > div')?.id === 'users-2');
  assert.deepStrictEqual(await ids(), ['users-2', 'users-1']);
  assert.match(await page.textContent('#users-2'), /updated/);
  assert.deepStrictEqual(live.errors, []);
});

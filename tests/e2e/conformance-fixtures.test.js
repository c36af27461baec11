// livedeck-conformance's fixtures in Chromium, without the upstream suite (CI has no copy of
// it), for the engine features they need, as LiveView 1.2's own specs expect them: form recovery
// after a reconnect, stream moves and update_only inserts, phx-trigger-action posting to a plain
// POST route, a live patch between two routes of one view, max_entries in total mode, a custom
// upload writer that fails, and a file route's download (tests/conformance/run-upstream-suite.sh
// runs the specs themselves); nested views crashing alone, a sticky view kept across live
// navigation, a live component's own stream, a portal and a view's render_in_root content.
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

test('/issues/3814: phx-trigger-action posts the form with its submitter to a plain POST route', async () => {
  const live = await openLivePage(browser, `${baseUrl}/issues/3814`);
  const { page } = live;
  const refused = [];
  page.on('response', (r) => { if (r.status() >= 400) refused.push(new URL(r.url()).pathname); });
  await Promise.all([page.waitForURL(/\/submit$/), page.click('button')]);
  const echoed = JSON.parse(await page.textContent('body'));
  assert.strictEqual(echoed['i-am-the-submitter'], 'submitter-value');
  assert.strictEqual(echoed.greeting, 'hello');
  // The JSON page has no <link rel=icon>: Chromium asks for /favicon.ico (answered 204).
  assert.deepStrictEqual(refused, []);
  assert.deepStrictEqual(live.errors, []);
});

test('/stream/reset: stream_insert with update_only replaces C and never adds E', async () => {
  const live = await openLivePage(browser, `${baseUrl}/stream/reset`);
  const { page } = live;
  const items = () => page.$$eval('#thelist > li', (els) => els.map((e) => `${e.id}:${e.textContent.trim()}`));
  assert.deepStrictEqual(await items(), ['items-a:A', 'items-b:B', 'items-c:C', 'items-d:D']);
  const before = live.frames.length;
  await page.click('button:text("Add E (update only)")');
  await page.waitForFunction(() => !document.querySelector('.phx-click-loading'));
  assert.ok(live.frames.slice(before).some((f) => f.dir === 'recv' && f.msg && f.msg[3] === 'phx_reply'));
  assert.deepStrictEqual(await items(), ['items-a:A', 'items-b:B', 'items-c:C', 'items-d:D']);
  await page.click('button:text("Update C (update only)")');
  await page.waitForFunction(() => /^C -?\d+/.test(document.getElementById('items-c').textContent.trim()));
  const after = await items();
  assert.deepStrictEqual(after.map((s) => s.split(':')[0]), ['items-a', 'items-b', 'items-c', 'items-d']);
  assert.deepStrictEqual(live.errors, []);
});

test('/navigation/b: an item link patches to the other route of the same view, without a remount', async () => {
  const live = await openLivePage(browser, `${baseUrl}/navigation/b`);
  const { page } = live;
  const before = live.frames.length;
  await page.click('a[href="/navigation/b/item-2"]');
  await page.waitForURL(/\/navigation\/b\/item-2$/);
  await page.waitForSelector('text=Item item-2');
  const sent = live.frames.slice(before).filter((f) => f.dir === 'send' && f.msg).map((f) => f.msg[3]);
  assert.ok(sent.includes('live_patch'), `a live_patch was sent (${sent})`);
  assert.ok(!sent.includes('phx_join'), `no rejoin (${sent})`);
  assert.deepStrictEqual(live.errors, []);
});

test('/issues/2835: max_entries in total mode counts the files an auto upload consumed', async () => {
  const live = await openLivePage(browser, `${baseUrl}/issues/2835`);
  const { page } = live;
  const file = (name) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(name) });
  const input = page.locator('#upload-form input[type=file]');
  await input.setInputFiles([file('first.txt'), file('second.txt'), file('third.txt')]);
  await page.waitForFunction(() => document.querySelectorAll('#uploaded-files li').length === 2);
  const state = async () => ({
    uploaded: (await page.locator('#uploaded-files li').allTextContents()).sort(),
    errors: (await page.locator('.upload-error').allTextContents()).map((t) => t.trim()),
  });
  assert.deepStrictEqual(await state(), { uploaded: ['first.txt', 'second.txt'], errors: [':too_many_files'] });
  await input.setInputFiles(file('fourth.txt'));
  await page.waitForFunction(() => document.querySelector('.upload-entry[data-name="fourth.txt"]'));
  assert.deepStrictEqual(await state(), { uploaded: ['first.txt', 'second.txt'], errors: [':too_many_files'] });
  assert.deepStrictEqual(live.errors, []);
});

test('/upload: a saved file downloads from the fixture\'s file route', async () => {
  const live = await openLivePage(browser, `${baseUrl}/upload`);
  const { page } = live;
  await page.setInputFiles('#upload-form input[type=file]', { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('this is a test') });
  await page.waitForSelector('.upload-entry, article');
  await page.click('button:text("Upload")');
  await page.waitForSelector('ul li a');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('ul li a')]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  assert.strictEqual(Buffer.concat(chunks).toString(), 'this is a test');
  assert.deepStrictEqual(live.errors, []);
});

test('/issues/4368: a custom upload writer\'s failure stays on its entry until cancelled', async () => {
  const live = await openLivePage(browser, `${baseUrl}/issues/4368`);
  const { page } = live;
  await page.setInputFiles('#upload-form input[type=file]', [
    { name: 'good.pdf', mimeType: 'application/pdf', buffer: Buffer.from('0000000000') },
    { name: 'bad.pdf', mimeType: 'application/pdf', buffer: Buffer.from('00000error') },
  ]);
  await page.waitForFunction(() => document.querySelector('.upload-entry[data-name="bad.pdf"] .upload-error'));
  assert.strictEqual((await page.textContent('.upload-entry[data-name="bad.pdf"] .upload-error')).trim(), '{:writer_failure, :invalid_pdf}');
  await page.waitForFunction(() => document.getElementById('consumed').textContent === 'consumed: good.pdf');
  await page.click('.upload-entry[data-name="bad.pdf"] button:text("Cancel")');
  await page.waitForFunction(() => !document.querySelector('.upload-entry'));
  await page.click('button:text("Submit")');
  await page.waitForFunction(() => document.getElementById('submitted').textContent === 'submitted: true');
  assert.deepStrictEqual(live.errors, []);
});

test('/errors?child: a nested view joins over the parent\'s socket and crashes and rejoins alone', async () => {
  const live = await openLivePage(browser, `${baseUrl}/errors?child`);
  const { page } = live;
  const child = page.locator('#child[data-phx-parent-id]');
  await page.waitForSelector('#child.phx-connected');
  assert.match(await child.innerText(), /Child connected/);
  const parentTime = await page.textContent('#render-time');
  const childTime = await page.textContent('#child-render-time');
  const childJoins = () => live.frames.filter((f) => f.dir === 'send' && f.msg && f.msg[3] === 'phx_join' && f.msg[2] === 'lv:child');
  assert.strictEqual(childJoins().length, 1);
  assert.strictEqual(childJoins()[0].msg[4].url, undefined, 'a child joins with its session alone');

  await page.click('button:text("Crash child")');
  await page.waitForFunction((before) => {
    const p = document.getElementById('child-render-time');
    return p && p.textContent !== before && document.querySelector('#child.phx-connected');
  }, childTime);
  assert.strictEqual(await page.textContent('#render-time'), parentTime, 'the parent was not re-rendered');
  const errorsFor = live.frames.filter((f) => f.dir === 'recv' && f.msg && f.msg[3] === 'phx_error').map((f) => f.msg[2]);
  assert.deepStrictEqual(errorsFor, ['lv:child']);
  assert.strictEqual(childJoins().length, 2, 'the client rejoined the crashed child');
});

test('/issues/3612: a sticky view stays joined across live navigation both ways', async () => {
  const live = await openLivePage(browser, `${baseUrl}/issues/3612/a`);
  const { page } = live;
  await page.waitForSelector('#sticky[data-phx-sticky].phx-connected');
  await page.click('a:text("Go to page B")');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Page B');
  await page.click('a:text("Go to page A")');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Page A');
  await page.waitForSelector('[data-phx-main].phx-connected');
  const stickyJoins = live.frames.filter((f) => f.dir === 'send' && f.msg && f.msg[3] === 'phx_join' && f.msg[2] === 'lv:sticky');
  assert.strictEqual(stickyJoins.length, 1, 'the sticky view was joined once and kept');
  assert.strictEqual(stickyJoins[0].msg[4].sticky, true);
  assert.deepStrictEqual(live.errors, []);
});

test('/stream: a live component\'s own stream updates, moves and deletes its rows', async () => {
  const live = await openLivePage(browser, `${baseUrl}/stream`);
  const { page } = live;
  const rows = (list) => page.$$eval(`#${list} > div`, (els) => els.map((e) => `${e.id}:${e.firstChild.textContent.trim()}`));
  assert.deepStrictEqual(await rows('c_users'), ['c_users-1:chris', 'c_users-2:callan']);
  await page.click('#c_users-2 button:text("make first")');
  await page.waitForFunction(() => document.querySelector('#c_users > div')?.id === 'c_users-2');
  assert.deepStrictEqual(await rows('c_users'), ['c_users-2:updated', 'c_users-1:chris']);
  await page.click('#c_users-1 button:text("delete")');
  await page.waitForFunction(() => !document.getElementById('c_users-1'));
  assert.deepStrictEqual(await rows('c_users'), ['c_users-2:updated']);
  assert.deepStrictEqual(await rows('users'), ['users-1:chris', 'users-2:callan'], 'the view\'s own stream is untouched');
  assert.deepStrictEqual(live.errors, []);
});

test('/issues/4095: a portal\'s content is teleported to its target', async () => {
  const live = await openLivePage(browser, `${baseUrl}/issues/4095`);
  const { page } = live;
  const teleported = await page.$$eval('[data-phx-teleported-src]', (els) => els.length);
  assert.ok(teleported > 0, 'the client teleported the portal\'s wrapper');
  assert.strictEqual(await page.$$eval('template[data-phx-portal]', (els) => els.length) > 0, true);
  assert.deepStrictEqual(live.errors, []);
});

test('/issues/4147: a view\'s render_in_root content sits outside the container and its hook mounts once', async () => {
  const live = await openLivePage(browser, `${baseUrl}/issues/4147`);
  const { page } = live;
  const logs = [];
  page.on('console', (m) => logs.push(m.text()));
  assert.strictEqual(await page.$$eval('body > #foobar', (els) => els.length), 1);
  assert.strictEqual(await page.$$eval('[data-phx-main] #foobar', (els) => els.length), 0);
  await page.evaluate(() => new Promise((resolve) => window.liveSocket.disconnect(resolve)));
  await page.waitForSelector('[data-phx-main].phx-loading');
  await page.evaluate(() => window.liveSocket.connect());
  await page.waitForSelector('[data-phx-main].phx-connected');
  assert.strictEqual(logs.filter((l) => l.includes('HookOutside mounted')).length, 0, 'not mounted again on reconnect');
  assert.deepStrictEqual(live.errors, []);
});

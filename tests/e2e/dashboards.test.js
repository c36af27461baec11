// The dashboards in Chromium: every page (and the examples) under LiveDeck's strict
// Content-Security-Policy with nothing blocked and no console error (the gallery has its own spec,
// widgets.test.js), live updates from the shared sampler, the theme switch remembered, an
// operator action, --read-only, and the README's screenshots, light and dark.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { launchBrowser } = require('./lib/browser');
const { openStrictPage, violations } = require('./lib/csp');
const { startLivedeck } = require('./lib/livedeck');

const SCREENSHOTS = path.join(__dirname, '..', '..', 'docs', 'screenshots');
const PAGES = ['/', '/dashboard', '/dashboard/system', '/dashboard/sessions', '/dashboard/pubsub',
  '/dashboard/log', '/dashboard/metrics', '/examples/counter', '/examples/hooks',
  '/examples/chat?user=csp', '/examples/form', '/examples/navigation'];

test('every page: CSP header sent, nothing blocked, no console error', async () => {
  const browser = await launchBrowser();
  const server = await startLivedeck([], { fresh: true });
  try {
    for (const route of PAGES) {
      const live = await openStrictPage(browser, `${server.url}${route}`);
      const csp = live.response.headers()['content-security-policy'];
      assert.ok(csp && csp.includes("script-src 'self'") && csp.includes("style-src 'self'"), `${route}: ${csp}`);
      assert.ok(!csp.includes('unsafe-inline'), `${route}: no unsafe-inline`);
      // Live navigation between the dashboards too.
      if (route === '/dashboard') {
        await live.page.click('#nav-system');
        await live.page.waitForSelector('#dashboard-system');
        await live.page.click('#nav-metrics');
        await live.page.waitForSelector('#dashboard-metrics');
      }
      assert.deepStrictEqual(await violations(live.page), [], `${route}: CSP violations`);
      assert.deepStrictEqual(live.errors, [], `${route}: console errors`);
      await live.context.close();
    }
    const missing = await fetch(`${server.url}/no/such/page`);
    assert.strictEqual(missing.status, 404);
    assert.ok(missing.headers.get('content-security-policy'), 'error pages carry the policy too');
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('the system page follows the sampler; the theme switch is remembered; screenshots', async () => {
  const browser = await launchBrowser();
  const server = await startLivedeck([], { fresh: true });
  try {
    const live = await openStrictPage(browser, `${server.url}/dashboard/system`);
    const diffs = () => live.frames.filter((f) => f.includes('"diff"')).length;
    const before = diffs();
    await live.page.waitForFunction(() => document.querySelectorAll('#chart-cpu-chart polyline').length > 0);
    // The next samples arrive by themselves (one a second, shared by every viewer).
    await waitFor(() => diffs() >= before + 2, 10000, 'two samples reached the page');
    const cores = await live.page.locator('#bars-cores .lw-bar rect').count();
    assert.ok(cores >= 1, 'a bar per core');
    // Theme: system → light → dark, kept across a reload (theme.js applies it before paint).
    await live.page.click('#lw-theme-toggle');
    assert.strictEqual(await live.page.getAttribute('html', 'data-theme'), 'light');
    await live.page.click('#lw-theme-toggle');
    assert.strictEqual(await live.page.getAttribute('html', 'data-theme'), 'dark');
    await live.page.reload();
    await live.page.waitForSelector('[data-phx-main].phx-connected');
    assert.strictEqual(await live.page.getAttribute('html', 'data-theme'), 'dark');
    assert.strictEqual((await live.page.textContent('#lw-theme-toggle .lw-theme-name')).trim(), 'Dark');
    assert.deepStrictEqual(await violations(live.page), []);
    assert.deepStrictEqual(live.errors, []);
    await live.context.close();

    // Screenshots for the README: let a few samples fill the charts first.
    for (const scheme of ['light', 'dark']) {
      for (const [route, name] of [['/dashboard', 'dashboard-overview'], ['/dashboard/system', 'dashboard-system']]) {
        const shot = await openStrictPage(browser, `${server.url}${route}`, { colorScheme: scheme });
        const n = shot.frames.length;
        await waitFor(() => shot.frames.length >= n + 2, 10000, 'samples before the screenshot');
        await shot.page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${scheme}.png`), fullPage: route === '/dashboard' });
        assert.deepStrictEqual(shot.errors, []);
        await shot.context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('an operator action from the sessions page, with confirmation', async () => {
  const browser = await launchBrowser();
  const server = await startLivedeck([], { fresh: true });
  try {
    const target = await openStrictPage(browser, `${server.url}/examples/counter`);
    const ops = await openStrictPage(browser, `${server.url}/dashboard/sessions?sessions_q=/examples/counter`);
    await ops.page.waitForSelector('#table-sessions-rows tr');
    await ops.page.click('#table-sessions-rows tr td a');
    await ops.page.waitForSelector('#disconnect-session');
    await ops.page.click('#disconnect-session');
    await ops.page.waitForSelector('#modal-confirm-dialog[role=dialog]');
    await ops.page.click('#modal-confirm-confirm');
    await ops.page.waitForSelector('.lw-toast.lw-level-ok');
    // The target's client reconnects by itself.
    await target.page.waitForSelector('[data-phx-main].phx-connected', { timeout: 15000 });
    assert.match(server.log(), /disconnected by an operator/);
    assert.deepStrictEqual(ops.errors, []);
    await ops.context.close();
    await target.context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

test('--read-only: no action is offered', async () => {
  const browser = await launchBrowser();
  const server = await startLivedeck(['--read-only'], { fresh: true });
  try {
    const ops = await openStrictPage(browser, `${server.url}/dashboard/sessions`);
    await ops.page.waitForSelector('#table-sessions-rows tr');
    assert.strictEqual(await ops.page.locator('#table-sessions th', { hasText: 'Disconnect' }).count(), 0);
    const pubsub = await openStrictPage(browser, `${server.url}/dashboard/pubsub`);
    assert.strictEqual(await pubsub.page.locator('#broadcast-form').count(), 0);
    await ops.context.close();
    await pubsub.context.close();
  } finally {
    await browser.close();
    await server.stop();
  }
});

async function waitFor(condition, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

// Features beyond the reference scenarios, in Chromium: live navigation with back/forward and flash,
// hooks with replies and pushed events, async work states.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const { openLivePage } = require('./lib/browser');
const { useBrowserAndLivedeck } = require('./lib/suite');

const suite = useBrowserAndLivedeck();

async function heading(page, text) {
  await page.waitForFunction((t) => document.querySelector('h1')?.textContent === t, text);
}

test('patch, back/forward, push_patch, navigate with flash — one page load', async () => {
  const live = await openLivePage(suite.browser, `${suite.livedeck.url}/examples/navigation`);
  const { page } = live;
  await page.evaluate(() => { window.__loadedOnce = true; }); // gone if the page reloads

  await page.click('#next');
  await heading(page, 'Page 2');
  await page.waitForURL(/\?page=2$/);
  await page.click('#next');
  await heading(page, 'Page 3');
  assert.strictEqual(await page.title(), 'Page 3');

  await page.goBack();
  await heading(page, 'Page 2');
  await page.goForward();
  await heading(page, 'Page 3');

  await page.click('#jump'); // the server patches the URL
  await heading(page, 'Page 10');
  await page.waitForURL(/\?page=10$/);

  await page.click('#leave'); // flash + push_navigate to another view
  await heading(page, 'About');
  await page.waitForURL(/\/examples\/navigation\/about$/);
  assert.strictEqual(await page.textContent('#flash-info'), 'Saved page 10');
  await page.click('#flash-info'); // lv:clear-flash
  await page.waitForSelector('#flash-info', { state: 'detached' });

  await page.goBack(); // back to the other view: a live navigation again
  await heading(page, 'Page 10');
  assert.strictEqual(await page.evaluate(() => window.__loadedOnce), true, 'no full page load happened');
  const sentUrls = live.frames.filter((f) => f.dir === 'send' && f.msg && f.msg[3] === 'live_patch');
  assert.ok(sentUrls.length >= 3, 'patch links and back/forward went over the socket');
  assert.deepStrictEqual(live.errors, []);
});

test('a hook pushes an event, gets the reply, and receives a pushed event', async () => {
  const live = await openLivePage(suite.browser, `${suite.livedeck.url}/examples/hooks`);
  const { page } = live;
  await page.click('#ping');
  await page.waitForFunction(() => document.querySelector('#pinger-reply')?.textContent === 'pong 1');
  await page.waitForFunction(() => document.querySelector('#pinger').dataset.highlight === 'orange');
  await page.click('#ping');
  await page.waitForFunction(() => document.querySelector('#pinger-reply')?.textContent === 'pong 2');
  assert.strictEqual(await page.textContent('#ping-count'), '2');
  assert.strictEqual(await page.getAttribute('#pinger', 'data-highlight'), 'teal');
  const hookEvents = live.frames.filter((f) => f.dir === 'send' && f.msg && f.msg[4] && f.msg[4].type === 'hook');
  assert.strictEqual(hookEvents.length, 2);
  assert.deepStrictEqual(live.errors, []);
});

test('async work shows its loading state, then the result, then a failure', async () => {
  const live = await openLivePage(suite.browser, `${suite.livedeck.url}/examples/async`);
  const { page } = live;
  await page.waitForSelector('#report-result');
  assert.strictEqual(await page.textContent('#report-result'), '17984 primes below 200000');
  await page.click('#fail');
  await page.waitForSelector('#report-failed');
  assert.strictEqual(await page.textContent('#report-failed'), 'Failed: the data source is unreachable');
  assert.deepStrictEqual(live.errors, []);
});

test('chat: two browsers see each other\'s messages, hostile text stays text', async () => {
  const alice = await openLivePage(suite.browser, `${suite.livedeck.url}/examples/chat?user=alice`);
  const bobContext = await suite.browser.newContext(); // another browser session (own cookie)
  const bobPage = await bobContext.newPage();
  await bobPage.goto(`${suite.livedeck.url}/examples/chat?user=bob`);
  await bobPage.waitForSelector('[data-phx-main].phx-connected');
  const before = await bobPage.locator('#messages li').count();

  await alice.page.fill('#body', 'hello from alice');
  await alice.page.click('#send');
  await bobPage.waitForFunction((n) => document.querySelectorAll('#messages li').length === n + 1, before);
  assert.strictEqual(await bobPage.locator('#messages li').last().textContent(), 'alice: hello from alice');

  await bobPage.fill('#body', '<img src=x onerror="window.pwned=1">');
  await bobPage.click('#send');
  await alice.page.waitForFunction(() => document.querySelector('#messages li:last-child')?.textContent.startsWith('bob:'));
  assert.strictEqual(await alice.page.locator('#messages img').count(), 0);
  assert.strictEqual(await alice.page.evaluate(() => window.pwned), undefined);
  assert.deepStrictEqual(alice.errors, []);
  await bobContext.close();
});

test('forms: focus and typed text survive live validation; a reconnect recovers the form', async () => {
  const live = await openLivePage(suite.browser, `${suite.livedeck.url}/examples/form`);
  const { page } = live;
  await page.type('#user_name', 'Jo', { delay: 30 }); // one validate per keystroke
  await page.waitForSelector('#name-error');
  assert.strictEqual(await page.evaluate(() => document.activeElement.id), 'user_name');
  assert.strictEqual(await page.inputValue('#user_name'), 'Jo');
  await page.type('#user_name', 'e', { delay: 30 });
  await page.waitForSelector('#name-error', { state: 'detached' });
  assert.strictEqual(await page.inputValue('#user_name'), 'Joe');

  // Reconnect: the client rejoins and replays the form's phx-change (form recovery).
  const joinsBefore = live.frames.filter((f) => f.dir === 'send' && f.msg && f.msg[3] === 'phx_join').length;
  await page.evaluate(() => { window.liveSocket.disconnect(); window.liveSocket.connect(); });
  await page.waitForFunction(() => document.querySelector('[data-phx-main]').classList.contains('phx-connected'));
  await page.waitForFunction(() => document.querySelector('#user_name').value === 'Joe');
  const frames = live.frames.filter((f) => f.dir === 'send' && f.msg);
  assert.ok(frames.filter((f) => f.msg[3] === 'phx_join').length > joinsBefore, 'the view rejoined');
  const recovery = frames.filter((f) => f.msg[3] === 'event' && f.msg[4].event === 'validate').pop();
  assert.match(recovery.msg[4].value, /user%5Bname%5D=Joe/);
  assert.deepStrictEqual(live.errors, []);
});

test('phx-disable-with: the button is disabled with its text swapped until the reply', async () => {
  const live = await openLivePage(suite.browser, `${suite.livedeck.url}/examples/navigation`);
  const { page } = live;
  // Record every state the button goes through: the swap can be quicker than any polling.
  await page.evaluate(() => {
    window.__jumpStates = [];
    const button = document.querySelector('#jump');
    new MutationObserver(() => window.__jumpStates.push([button.textContent, button.disabled]))
      .observe(button, { attributes: true, childList: true, characterData: true, subtree: true });
  });
  await page.click('#jump');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Page 10');
  await page.waitForFunction(() => !document.querySelector('#jump').disabled);
  const states = await page.evaluate(() => window.__jumpStates);
  assert.ok(states.some(([text, disabled]) => text === 'Jumping…' && disabled), JSON.stringify(states));
  assert.strictEqual(await page.textContent('#jump'), 'Jump to page 10');
  assert.deepStrictEqual(live.errors, []);
});

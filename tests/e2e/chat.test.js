// The chat product (/chat) in Chromium: two browsers (two sessions) chatting, the typing notice,
// links, people online, the nickname kept across a reload, unread counts, and older messages
// loaded as the reader scrolls up. No console or page errors anywhere.
// CHAT_SCREENSHOTS=DIR also saves light and dark screenshots there (docs/screenshots/chat.png
// comes from it).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { openLivePage } = require('./lib/browser');
const { useBrowserAndLivedeck } = require('./lib/suite');

const suite = useBrowserAndLivedeck({ ownServer: true });

async function setName(live, name) {
  await live.page.fill('#nick-input', name);
  await live.page.click('#nick-save');
  await live.page.waitForFunction((n) => document.querySelector('#online')?.textContent.includes(n), name);
}

async function say(live, text) {
  const before = await live.page.locator('#messages li').count();
  await live.page.fill('#message-input', text);
  await live.page.press('#message-input', 'Enter');
  await live.page.waitForFunction((n) => document.querySelectorAll('#messages li').length > n, before);
}

async function createRoom(live, name) {
  await live.page.fill('#room-name', name);
  await live.page.click('#room-create');
  await live.page.waitForFunction((n) => document.querySelector('#room-title')?.textContent === `#${n}`, name);
}

test('two browsers chat: typing notice, escaped text and links, people online, name kept on reload', async () => {
  const alice = await openLivePage(suite.browser, `${suite.livedeck.url}/chat`);
  const bob = await openLivePage(suite.browser, `${suite.livedeck.url}/chat`);
  await setName(alice, 'alice');
  await setName(bob, 'bob');
  await alice.page.waitForFunction(() => document.querySelector('#online').textContent.includes('bob'));
  assert.strictEqual(await alice.page.textContent('#online-count'), '2 online');

  // Typing (real key presses: phx-change with phx-throttle) shows on the other page only.
  await alice.page.click('#message-input');
  await alice.page.keyboard.type('hello <b>bob</b>');
  await bob.page.waitForFunction(() => document.querySelector('#typing').textContent === 'alice is typing…');
  assert.strictEqual(await alice.page.textContent('#typing'), '');
  await alice.page.keyboard.press('Enter');
  await bob.page.waitForFunction(() => document.querySelector('#messages li:last-child .chat-body')?.textContent === 'hello <b>bob</b>');
  await bob.page.waitForFunction(() => document.querySelector('#typing').textContent === '');
  assert.strictEqual(await bob.page.locator('#messages b.chat-author').last().textContent(), 'alice');
  assert.strictEqual(await bob.page.locator('#messages .chat-body b').count(), 0, 'markup stays text');
  // The composer is empty again and keeps the focus.
  await alice.page.waitForFunction(() => document.querySelector('#message-input').value === '');

  await say(bob, 'docs at https://example.com/guide?x=1. not javascript:alert(1)');
  await alice.page.waitForFunction(() => document.querySelectorAll('#messages .chat-body a').length === 1);
  const href = await alice.page.getAttribute('#messages .chat-body a', 'href');
  assert.strictEqual(href, 'https://example.com/guide?x=1');

  // The name belongs to the browser session: a reload keeps it, the history is still there.
  await alice.page.reload();
  await alice.page.waitForSelector('[data-phx-main].phx-connected');
  assert.strictEqual(await alice.page.inputValue('#nick-input'), 'alice');
  assert.strictEqual(await alice.page.locator('#messages li').count(), 2);

  if (process.env.CHAT_SCREENSHOTS) {
    await bob.page.setViewportSize({ width: 1200, height: 720 });
    await say(bob, 'Light and dark follow the system; the lobby is where everyone starts.');
    await bob.page.screenshot({ path: path.join(process.env.CHAT_SCREENSHOTS, 'chat.png') });
    await bob.page.emulateMedia({ colorScheme: 'dark' });
    await bob.page.screenshot({ path: path.join(process.env.CHAT_SCREENSHOTS, 'chat-dark.png') });
  }
  const errors = [...alice.errors, ...bob.errors];
  await alice.page.close();
  await bob.page.close();
  assert.deepStrictEqual(errors, []);
});

test('a room made in one browser is listed in the other, with an unread count', async () => {
  const alice = await openLivePage(suite.browser, `${suite.livedeck.url}/chat`);
  const bob = await openLivePage(suite.browser, `${suite.livedeck.url}/chat`);
  await createRoom(alice, 'ideas');
  await bob.page.waitForSelector('#room-ideas');
  await bob.page.click('#room-ideas a'); // joins it
  await bob.page.waitForFunction(() => document.querySelector('#room-title').textContent === '#ideas');
  await bob.page.click('#room-lobby a');
  await bob.page.waitForFunction(() => document.querySelector('#room-title').textContent === '#lobby');
  await say(alice, 'one');
  await say(alice, 'two');
  await bob.page.waitForFunction(() => document.querySelector('#unread-ideas')?.textContent === '2');
  await bob.page.click('#room-ideas a');
  await bob.page.waitForFunction(() => document.querySelectorAll('#messages li').length === 2);
  assert.strictEqual(await bob.page.locator('#unread-ideas').count(), 0);
  // A refused name is explained, nothing is created.
  await alice.page.fill('#room-name', 'no spaces please');
  await alice.page.click('#room-create');
  await alice.page.waitForSelector('#room-error');
  const errors = [...alice.errors, ...bob.errors];
  await alice.page.close();
  await bob.page.close();
  assert.deepStrictEqual(errors, []);
});

test('scrolling up loads older messages from the history', async () => {
  const writer = await openLivePage(suite.browser, `${suite.livedeck.url}/chat`);
  await createRoom(writer, 'archive');
  for (let i = 1; i <= 70; i++) await say(writer, `old ${i}`);
  await writer.page.close();

  const reader = await openLivePage(suite.browser, `${suite.livedeck.url}/chat?room=archive`);
  assert.strictEqual(await reader.page.locator('#messages li').count(), 30);
  // Opened at the newest message.
  await reader.page.waitForFunction(() => {
    const s = document.querySelector('#chat-scroll');
    return s.scrollHeight - s.scrollTop - s.clientHeight < 5;
  });
  // Scroll to the top, as a reader would: each time a page of older messages arrives above.
  for (let shown = 30; shown < 70;) {
    await reader.page.evaluate(() => { document.querySelector('#chat-scroll').scrollTop = 0; });
    await reader.page.waitForFunction((n) => document.querySelectorAll('#messages li').length > n, shown);
    shown = await reader.page.locator('#messages li').count();
  }
  await reader.page.waitForFunction(() => document.querySelectorAll('#messages li').length === 70);
  const bodies = await reader.page.locator('#messages .chat-body').allTextContents();
  assert.deepStrictEqual(bodies, Array.from({ length: 70 }, (_, i) => `old ${i + 1}`));
  assert.strictEqual(await reader.page.getAttribute('#messages', 'phx-viewport-top'), null);
  assert.deepStrictEqual(reader.errors, []);
  await reader.page.close();
});

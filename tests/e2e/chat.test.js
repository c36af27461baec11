// The chat product (/chat) in Chromium: two browsers (two sessions) chatting, the typing notice,
// links, people online, the nickname kept across a reload, unread counts, and older messages
// loaded as the reader scrolls up, files and images sent from the composer (under the CSP).
// No console or page errors anywhere.
// CHAT_SCREENSHOTS=DIR also saves light and dark screenshots there (docs/screenshots/chat.png
// comes from it).
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const path = require('node:path');
const { openLivePage } = require('./lib/browser');
const { openStrictPage, violations } = require('./lib/csp');
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

// A real PNG drawn by the browser itself (no fixture files): a sky, a sun, a hill.
async function drawPicture(page) {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 200;
    const g = canvas.getContext('2d');
    const sky = g.createLinearGradient(0, 0, 0, 200);
    sky.addColorStop(0, '#2b5cd6');
    sky.addColorStop(1, '#f6a55b');
    g.fillStyle = sky;
    g.fillRect(0, 0, 320, 200);
    g.fillStyle = '#ffe27a';
    g.beginPath();
    g.arc(220, 120, 36, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = '#24593a';
    g.beginPath();
    g.ellipse(110, 215, 220, 70, 0, 0, Math.PI * 2);
    g.fill();
    return canvas.toDataURL('image/png').split(',')[1];
  });
  return Buffer.from(base64, 'base64');
}

test('files: an image chosen, previewed, uploaded and sent is seen in the other browser; limits explained; all under the CSP', async () => {
  const alice = await openStrictPage(suite.browser, `${suite.livedeck.url}/chat`);
  assert.match(alice.response.headers()['content-security-policy'], /img-src 'self' data: blob:/);
  await createRoom(alice, 'photos');
  const bob = await openStrictPage(suite.browser, `${suite.livedeck.url}/chat?room=photos`);
  const png = await drawPicture(alice.page);
  const fileInput = '#message-form input[type=file]';
  assert.strictEqual(await alice.page.getAttribute(`label[for="${await alice.page.getAttribute(fileInput, 'id')}"]`, 'id'), 'attach-button');

  await alice.page.setInputFiles(fileInput, { name: 'sunset.png', mimeType: 'image/png', buffer: png });
  // The preview is the browser's own blob: URL (img-src allows it); the upload runs at once.
  await alice.page.waitForFunction(() => {
    const img = document.querySelector('#pending-files img');
    return img && img.src.startsWith('blob:') && img.complete && img.naturalWidth === 320;
  });
  await alice.page.waitForFunction(() => document.querySelector('#pending-files progress')?.value === 100);
  assert.strictEqual(await alice.page.textContent('#pending-files .chat-pending-name'), 'sunset.png');
  await alice.page.fill('#message-input', 'The view from here');
  if (process.env.CHAT_SCREENSHOTS) {
    await alice.page.setViewportSize({ width: 1200, height: 720 });
    await alice.page.screenshot({ path: path.join(process.env.CHAT_SCREENSHOTS, 'chat-attach-composer.png') });
    await alice.page.emulateMedia({ colorScheme: 'dark' });
    await alice.page.screenshot({ path: path.join(process.env.CHAT_SCREENSHOTS, 'chat-attach-composer-dark.png') });
    await alice.page.emulateMedia({ colorScheme: 'light' });
  }
  await alice.page.press('#message-input', 'Enter');
  await bob.page.waitForFunction(() => {
    const img = document.querySelector('#messages figure img');
    return img && img.complete && img.naturalWidth === 320;
  });
  assert.strictEqual(await bob.page.textContent('#messages .chat-body'), 'The view from here');
  assert.strictEqual(await bob.page.getAttribute('#messages figure img', 'alt'), 'sunset.png');
  await alice.page.waitForFunction(() => document.querySelectorAll('#pending-files li').length === 0);

  // Served as stored: the same bytes, an image, never sniffed; nothing but plain names.
  const src = await bob.page.getAttribute('#messages figure img', 'src');
  assert.match(src, /^\/chat\/files\/[0-9a-f]{32}\.png$/);
  const served = await bob.context.request.get(`${suite.livedeck.url}${src}`);
  assert.strictEqual(served.status(), 200);
  assert.strictEqual(served.headers()['content-type'], 'image/png');
  assert.strictEqual(served.headers()['x-content-type-options'], 'nosniff');
  assert.ok(Buffer.compare(await served.body(), png) === 0);
  const escape = await bob.context.request.get(`${suite.livedeck.url}/chat/files/..%2Flivedeck.sqlite`);
  assert.strictEqual(escape.status(), 404);

  // A text file is a download; a program is refused with a reason and can be removed.
  await alice.page.setInputFiles(fileInput, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('list\n') });
  await alice.page.waitForFunction(() => document.querySelector('#pending-files progress')?.value === 100);
  await alice.page.click('#send-button');
  await bob.page.waitForFunction(() => document.querySelectorAll('#messages figure').length === 2);
  const download = bob.page.locator('#messages figure').last().locator('figcaption a');
  assert.strictEqual(await download.getAttribute('download'), 'notes.txt');
  assert.strictEqual(await bob.page.locator('#messages figure').last().locator('img').count(), 0);
  await alice.page.setInputFiles(fileInput, { name: 'run.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ') });
  await alice.page.waitForSelector('#pending-files .chat-pending-error');
  assert.match(await alice.page.textContent('#pending-files .chat-pending-error'), /cannot be sent/);
  await alice.page.click('#pending-files .chat-pending-cancel');
  await alice.page.waitForFunction(() => document.querySelectorAll('#pending-files li').length === 0);

  if (process.env.CHAT_SCREENSHOTS) {
    await bob.page.setViewportSize({ width: 1200, height: 720 });
    await bob.page.screenshot({ path: path.join(process.env.CHAT_SCREENSHOTS, 'chat-attach-message.png') });
    await bob.page.emulateMedia({ colorScheme: 'dark' });
    await bob.page.screenshot({ path: path.join(process.env.CHAT_SCREENSHOTS, 'chat-attach-message-dark.png') });
  }
  const blocked = [...await violations(alice.page), ...await violations(bob.page)];
  const errors = [...alice.errors, ...bob.errors];
  await alice.context.close();
  await bob.context.close();
  assert.deepStrictEqual(blocked, []);
  assert.deepStrictEqual(errors, []);
});

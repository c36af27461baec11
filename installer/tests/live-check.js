// What a user of the installed server sees, in headless Chromium: the home page, a live view
// joined over the WebSocket and answering clicks, and a chat message that must outlive restarts.
// Usage: node live-check.js write|verify URL MARK
//   write   home page, counter view (join + click), posts MARK in the chat room "install-test"
//   verify  the chat room still shows MARK (it is stored in the server's SQLite database)
'use strict';
const assert = require('node:assert');
const { launchBrowser, openLivePage, actAndSettle } = require('../../tests/e2e/lib/browser');

const ROOM = 'install-test';

async function main() {
  const [mode, url, mark] = process.argv.slice(2);
  assert.ok(['write', 'verify'].includes(mode) && url && mark, 'usage: live-check.js write|verify URL MARK');
  const browser = await launchBrowser();
  try {
    const chatUrl = `${url}/examples/chat?user=installer&room=${ROOM}`;
    if (mode === 'write') {
      const home = await fetch(`${url}/`);
      assert.strictEqual(home.status, 200, 'home page status');
      assert.match(await home.text(), /href="\/examples\/counter"/, 'the home page links the views');

      const counter = await openLivePage(browser, `${url}/examples/counter`);
      await actAndSettle(counter, { selector: '#inc' });
      assert.strictEqual(await counter.page.textContent('#count'), '1', 'the counter answered a click');
      assert.ok(counter.frames.some((f) => f.dir === 'send' && f.msg && f.msg[3] === 'phx_join'),
        'the view joined over the WebSocket');
      console.log('ok:   home page, counter joined over the WebSocket and counted');

      const chat = await openLivePage(browser, chatUrl);
      await chat.page.fill('#body', mark);
      await actAndSettle(chat, { selector: '#send' });
      await chat.page.waitForFunction((m) => [...document.querySelectorAll('#messages li')]
        .some((li) => li.textContent.includes(m)), mark, { timeout: 5000 });
      assert.deepStrictEqual(chat.errors, [], 'no errors in the page');
      console.log(`ok:   chat message "${mark}" posted`);
    } else {
      const chat = await openLivePage(browser, chatUrl);
      const messages = await chat.page.locator('#messages li').allTextContents();
      assert.ok(messages.some((m) => m.includes(mark)),
        `"${mark}" is not in the room any more: ${JSON.stringify(messages)}`);
      console.log(`ok:   chat message "${mark}" still there (${messages.length} in the room)`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => { console.error(`FAIL: ${e.message}`); process.exit(1); });

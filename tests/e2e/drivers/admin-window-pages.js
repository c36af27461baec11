// Chromium pages on command, for the admin window's browser test (tests/gui/
// tst_adminwindow_browser.cpp): one command a line on stdin, one JSON answer a line on stdout.
//   open N          opens N counter pages, answers {"opened": N} once all are connected
//   close I         closes page I, answers {"closed": I}
//   watch           remembers how often each page has joined, answers {"watching": true}
//   await-reconnect waits until one page joined again without a reload and is connected,
//                   answers {"reconnected": I, "sameDocument": true|false}
//   quit            closes the browser and exits
'use strict';
const readline = require('node:readline');
const { launchBrowser, openLivePage } = require('../lib/browser');

const url = process.argv[2];
const pages = [];
let joinsAtWatch = [];

function joins(live) {
  return live.frames.filter((f) => f.dir === 'send' && f.msg && f.msg[3] === 'phx_join').length;
}

function answer(object) {
  process.stdout.write(`${JSON.stringify(object)}\n`);
}

async function awaitReconnect() {
  const deadline = Date.now() + 20000;
  for (;;) {
    const index = pages.findIndex((p, i) => p && joins(p) > joinsAtWatch[i]);
    if (index >= 0) {
      const live = pages[index];
      await live.page.waitForSelector('[data-phx-main].phx-connected', { timeout: 15000 });
      const sameDocument = await live.page.evaluate(() => window.__sameDocument === true);
      return { reconnected: index, sameDocument };
    }
    if (Date.now() > deadline) throw new Error('no page joined again');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main() {
  const browser = await launchBrowser();
  answer({ ready: true });
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    const [command, argument] = line.trim().split(/\s+/);
    try {
      if (command === 'open') {
        const opened = await Promise.all(Array.from({ length: Number(argument) },
          () => openLivePage(browser, `${url}/examples/counter`)));
        for (const live of opened) {
          await live.page.evaluate(() => { window.__sameDocument = true; });
          pages.push(live);
        }
        answer({ opened: opened.length });
      } else if (command === 'close') {
        await pages[Number(argument)].page.close();
        pages[Number(argument)] = null;
        answer({ closed: Number(argument) });
      } else if (command === 'watch') {
        joinsAtWatch = pages.map((p) => (p ? joins(p) : 0));
        answer({ watching: true });
      } else if (command === 'await-reconnect') {
        answer(await awaitReconnect());
      } else if (command === 'quit') {
        break;
      } else {
        answer({ error: `unknown command ${command}` });
      }
    } catch (e) {
      answer({ error: String(e && e.message || e) });
    }
  }
  await browser.close();
}

main().catch((e) => { answer({ error: String(e && e.stack || e) }); process.exit(1); });

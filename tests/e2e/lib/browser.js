// Headless Debian chromium via playwright-core, with WebSocket frame and console capture.
'use strict';
const { chromium } = require('playwright-core');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

// Opens `url` and records what a LiveView user would not see but a test must: every socket frame
// and every console error or uncaught page error.
async function openLivePage(browser, url) {
  const page = await browser.newPage();
  const frames = [];
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => frames.push({ dir: 'send', msg: parse(f.payload) }));
    ws.on('framereceived', (f) => frames.push({ dir: 'recv', msg: parse(f.payload), raw: String(f.payload) }));
  });
  await page.goto(url);
  await page.waitForSelector('[data-phx-main].phx-connected', { timeout: 10000 });
  return { page, frames, errors };
}

function parse(payload) {
  try { return JSON.parse(String(payload)); } catch { return null; }
}

// Performs a step (a click, or typing into a field) and waits until the client has applied the
// server's reply to the event it caused.
async function actAndSettle(live, step) {
  const before = live.frames.length;
  if (step.action === 'fill') await live.page.fill(step.selector, step.value);
  else if (step.action === 'upload') await live.page.setInputFiles(step.selector, step.files.map(uploadFile));
  else await live.page.click(step.selector);
  const selector = step.selector;
  const deadline = Date.now() + 5000;
  let sent = null;
  while (Date.now() < deadline) {
    sent = sent || live.frames.slice(before).find((f) => f.dir === 'send' && f.msg && f.msg[3] === 'event');
    const reply = sent && live.frames.slice(before).find((f) => f.dir === 'recv' && f.msg &&
      f.msg[3] === 'phx_reply' && f.msg[1] === sent.msg[1]);
    if (reply) {
      // Loading refs are cleared once the reply's diff has been patched into the DOM.
      await live.page.waitForFunction(() => !document.querySelector('[data-phx-ref-src]'));
      return reply.msg[4];
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no reply to the step on ${selector}`);
}

// A file for setInputFiles from a recorded entry (name, type, size): fixed pseudo-random bytes.
function uploadFile({ name, type, size }) {
  const buffer = Buffer.alloc(size);
  let seed = size;
  for (let i = 0; i < size; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    buffer[i] = seed >>> 16;
  }
  return { name, mimeType: type, buffer };
}

// The main view's inner HTML without what legitimately differs between two servers or page loads.
function domSnapshot(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-phx-main]').cloneNode(true);
    for (const el of root.querySelectorAll('*')) {
      for (const attr of [...el.attributes]) {
        if (attr.name === 'data-phx-id' || attr.name === 'data-phx-view' || attr.name.startsWith('data-phx-ref')) el.removeAttribute(attr.name);
      }
      if (el.classList) {
        for (const c of [...el.classList]) if (c.startsWith('phx-') && c.endsWith('-loading')) el.classList.remove(c);
        if (el.getAttribute('class') === '') el.removeAttribute('class');
      }
    }
    // Upload refs ("phx-" and 16 random characters) differ between servers and page loads.
    return root.innerHTML.replace(/phx-[A-Za-z0-9_-]{16}/g, 'phx-UPLOAD');
  });
}

module.exports = { launchBrowser, openLivePage, actAndSettle, domSnapshot, uploadFile };

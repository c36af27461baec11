// Hostile text through every way a visitor can put text into a page, in real Chromium: chat
// messages (shown as live diffs and, after a reload, in the first HTTP render), user names (in
// the chat and the presence list), room names, form values (echoed in inputs, errors and the
// saved summary), upload file names (the upload example's entries and saved list, the chat's
// attachments) and unknown paths (the error page). Each payload would call xss(n) or alert(n)
// if it ever ran; a page-level flag and a dialog handler count runs, and the DOM is checked for
// anything a payload could have planted that has not run yet (event-handler attributes,
// javascript: links, script, iframe, object or embed elements that are not the page's own).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert');
const { launchBrowser, openLivePage, actAndSettle } = require('./lib/browser');
const { startLivedeck } = require('./lib/livedeck');

// n: the number the payload reports when it runs.
const PAYLOADS = [
  '<script>xss(1)</script>',
  '<img src=x onerror=xss(2)>',
  '<svg onload=xss(3)>',
  '"><img src=x onerror=xss(4)>',
  "'><script>xss(5)</script>",
  'javascript:xss(6)',
  '<a href="javascript:xss(7)" id="xss-link">click</a>',
  '<iframe srcdoc="<script>parent.xss(8)</script>"></iframe>',
  '</li></ul><script>xss(9)</script>',
  '<scr<script>ipt>xss(10)</script>',
  '<!--<img src="--><img src=x onerror=xss(11)>-->',
  '<math><mtext><table><mglyph><style><img src=x onerror=xss(12)>',
  '<details open ontoggle=xss(13)>',
  '{raw("<img src=x onerror=xss(14)>")} {@user} <%= xss(14) %>',
  '\\u003cscript\\u003exss(15)\\u003c/script\\u003e',
  '\uff1cscript\uff1exss(16)\uff1c/script\uff1e',
  '<scr\u0000ipt>xss(17)</script>',
  '\u202e<img src=x onerror=xss(18)>',
  '<img src=x onerror=&#x78;ss(19)>',
  '<body onload=xss(20)>',
  '<input autofocus onfocus=xss(21)>',
  '" onmouseover="xss(22)" autofocus onfocus="xss(22)',
  "' onfocus='xss(23)' autofocus='",
  '\ud800<script>xss(24)</script>\udfff',
  '</script><script>xss(25)</script>',
  '<object data="javascript:xss(26)"></object><embed src="javascript:xss(26)">',
  '<div phx-hook="x" phx-mounted=\'[["exec",{"attr":"onclick"}]]\' onclick="xss(27)">',
  '<form action="javascript:xss(28)"><button id="xss-submit">go</button></form>',
  '\u2028\u2029<svg><script>xss(29)</script></svg>',
  '<a href="jav&#x09;ascript:xss(30)">tab</a><a href=" javascript:xss(30)">space</a>',
];

let server, browser, context;
const runs = []; // what payloads managed to run, from the page flag and dialogs

before(async () => {
  server = await startLivedeck([], { fresh: true });
  browser = await launchBrowser();
  context = await browser.newContext();
  await context.exposeBinding('__xssRan', (_source, n) => { runs.push(`xss(${n})`); });
  await context.addInitScript(() => {
    window.xss = (n) => window.__xssRan(n);
  });
  context.on('page', (page) => page.on('dialog', async (d) => {
    runs.push(`dialog: ${d.message()}`);
    await d.dismiss();
  }));
});

after(async () => {
  await browser.close();
  await server.stop();
});

// Anything a payload could have planted: handler attributes, javascript: URLs, active elements.
function planted(page) {
  return page.evaluate(() => {
    const found = [];
    for (const el of document.querySelectorAll('body *')) {
      for (const attr of el.attributes) {
        if (/^on/i.test(attr.name)) found.push(`<${el.localName} ${attr.name}>`);
        if (/^(href|src|action|data|formaction|srcdoc)$/i.test(attr.name) &&
            /^\s*(javascript|data|vbscript):/i.test(attr.value.replace(/[\s\u0000-\u001f]/g, ''))) {
          found.push(`<${el.localName} ${attr.name}=${attr.value}>`);
        }
      }
      if (['script', 'iframe', 'object', 'embed', 'frame', 'base', 'meta', 'link', 'style', 'svg', 'math']
        .includes(el.localName) && !el.closest('head')) found.push(`<${el.localName}>`);
    }
    return found;
  });
}

// Clicks, hovers and focuses what a payload would want a visitor to touch.
async function touch(page) {
  for (const sel of ['#xss-link', '#xss-submit', 'a', 'input', 'details', 'li']) {
    const items = await page.locator(sel).all();
    for (const item of items.slice(0, 50)) {
      await item.hover({ timeout: 1000 }).catch(() => {});
      await item.focus({ timeout: 1000 }).catch(() => {});
    }
  }
}

// `own`: what planted() finds on the page before any payload reached it (the chat's stylesheet
// link and its icon are the page's own).
async function assertClean(live, where, { interact = true, own = [] } = {}) {
  if (interact) await touch(live.page);
  assert.deepStrictEqual(await planted(live.page), own, `${where}: nothing planted`);
  assert.deepStrictEqual(runs, [], `${where}: no payload ran`);
  assert.deepStrictEqual(live.errors, [], `${where}: no page errors`);
}

// encodeURIComponent, except that a lone surrogate goes out as the bytes a careless encoder
// would make of it (invalid UTF-8, which the server must cope with too).
function encodeLoose(text) {
  return text.replace(/[\ud800-\udfff]/g, (c, i) => {
    const pair = /[\ud800-\udbff][\udc00-\udfff]/.test(text.slice(i, i + 2)) ||
      /[\ud800-\udbff][\udc00-\udfff]/.test(text.slice(i - 1, i + 1));
    return pair ? c : '\u0000lone';
  }).split('\u0000lone').map(encodeURIComponent).join('%ED%A0%80');
}

test('the detector sees a payload that runs or is planted (the control)', async () => {
  const page = await context.newPage();
  await page.setContent('<div><img src="x" onerror="xss(0)"></div>');
  await page.waitForFunction(() => document.querySelector('img').complete);
  await new Promise((r) => setTimeout(r, 100)); // the binding's call reaches node
  assert.deepStrictEqual(runs.splice(0), ['xss(0)']);
  assert.deepStrictEqual(await planted(page), ['<img onerror>']);
  await page.evaluate(() => alert('control'));
  assert.deepStrictEqual(runs.splice(0), ['dialog: control']);
  await page.close();
});

test('chat messages: shown as text, live and after a reload', async () => {
  const live = await openLivePage(context, `${server.url}/examples/chat?user=tester&room=xss`);
  for (const payload of PAYLOADS) {
    await live.page.fill('#body', payload);
    const reply = await actAndSettle(live, { selector: '#send' });
    assert.strictEqual(reply.status, 'ok');
  }
  await live.page.waitForFunction((n) => document.querySelectorAll('#messages li').length === n,
    PAYLOADS.length, { timeout: 10000 });
  await assertClean(live, 'chat, live');
  // Ordinary payloads come back exactly as typed (trimmed like any message).
  const shown = await live.page.locator('#messages li').allTextContents();
  PAYLOADS.forEach((p, i) => {
    if (!/[\u0000\ud800-\udfff]/.test(p)) assert.strictEqual(shown[i], `tester: ${p.trim()}`);
  });
  // The same messages in the first HTTP render (the stored history) and after the join.
  const again = await openLivePage(context, `${server.url}/examples/chat?user=reader&room=xss`);
  assert.strictEqual(await again.page.locator('#messages li').count(), PAYLOADS.length);
  await assertClean(again, 'chat, reloaded');
  await again.page.close();
  await live.page.close();
});

test('user and room names: in the chat, its messages and the presence list', async () => {
  const watcher = await openLivePage(context, `${server.url}/examples/online`);
  // A few tabs at a time, each named by a payload (and asking for a room of that name).
  for (let i = 0; i < PAYLOADS.length; i += 6) {
    await Promise.all(PAYLOADS.slice(i, i + 6).map(async (payload) => {
      const q = `user=${encodeLoose(payload)}&room=${encodeLoose(payload)}`;
      const live = await openLivePage(context, `${server.url}/examples/chat?${q}`);
      await live.page.fill('#body', 'hello');
      await actAndSettle(live, { selector: '#send' });
      await assertClean(live, `user ${JSON.stringify(payload)}`, { interact: false });
      await live.page.close();
    }));
  }
  // Every hostile name went through the lobby's presence list (joins and leaves).
  await assertClean(watcher, 'presence list');
  const lobby = await openLivePage(context, `${server.url}/examples/chat`);
  assert.ok(await lobby.page.locator('#messages li').count() >= PAYLOADS.length);
  await assertClean(lobby, 'lobby with hostile senders');
});

test('form values: echoed in inputs, errors and the saved summary', async () => {
  const live = await openLivePage(context, `${server.url}/examples/form`);
  for (const payload of PAYLOADS) {
    await live.page.fill('#user_name', payload);
    await live.page.fill('#user_email', `${payload}@example.org`);
    await actAndSettle(live, { selector: '#save' });
    await assertClean(live, `form ${JSON.stringify(payload)}`, { interact: false });
  }
  // Values the form refuses are echoed with their errors.
  await live.page.fill('#user_email', PAYLOADS[3]);
  await live.page.locator('#user_email').dispatchEvent('input');
  await live.page.waitForSelector('#email-error');
  await assertClean(live, 'form errors');
});

test('unknown paths and query strings: the error page', async () => {
  for (let i = 0; i < PAYLOADS.length; i += 6) {
    await Promise.all(PAYLOADS.slice(i, i + 6).map(async (payload) => {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const response = await page.goto(`${server.url}/nope/${encodeLoose(payload)}?q=${encodeLoose(payload)}`);
      assert.strictEqual(response.status(), 404);
      if (payload === PAYLOADS[6]) await touch(page); // the link payload: try to click it
      assert.deepStrictEqual(await planted(page), [], `error page for ${JSON.stringify(payload)}`);
      assert.deepStrictEqual(errors, []);
      await page.close();
    }));
  }
  assert.deepStrictEqual(runs, []);
});

// A file named by each payload (with an extension the page accepts), three at a time.
function hostileFiles(batch, offset) {
  return batch.map((payload, j) => ({
    name: `${payload}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`file ${offset + j}\n`),
  }));
}

// Waits until each of `n` entries under `list` has finished (progress 100) or shows an error
// (names the server refuses, e.g. with a NUL, are refused with a reason, not uploaded).
function settled(page, list, errorClass, n) {
  return page.waitForFunction(([sel, err, count]) => {
    const items = [...document.querySelectorAll(sel)];
    return items.length === count && items.every((li) =>
      li.querySelector(err) || Number(li.querySelector('progress')?.value) === 100);
  }, [list, errorClass, n], { timeout: 10000 });
}

// Cancels the entries matching `items`, one click at a time (each click re-renders the list).
async function cancelAll(page, items, button) {
  for (let left = await page.locator(items).count(); left > 0; left--) {
    await page.locator(`${items} ${button}`).first().click();
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [items, left - 1]);
  }
}

test('upload file names: the example\'s entries, their errors and the saved list', async () => {
  const live = await openLivePage(context, `${server.url}/examples/upload?auto=1`);
  for (let i = 0; i < PAYLOADS.length; i += 3) {
    const batch = PAYLOADS.slice(i, i + 3);
    await live.page.setInputFiles('#upload-form input[type=file]', hostileFiles(batch, i));
    await settled(live.page, '#entries li.entry', '.error', batch.length);
    await assertClean(live, `upload entries ${i}`, { interact: false });
    // What was refused (a NUL in the name) stays listed with its error until cancelled; as in
    // Phoenix, nothing is consumed while an entry is unfinished.
    await cancelAll(live.page, '#entries li.entry:has(.error)', 'button');
    await live.page.click('#upload-save');
    await live.page.waitForFunction(() => document.querySelectorAll('#entries li.entry').length === 0);
  }
  assert.ok(await live.page.locator('#saved li').count() >= PAYLOADS.length - 6, 'most were saved');
  // One entry more than the example takes: every name is shown next to its error.
  await live.page.setInputFiles('#upload-form input[type=file]', hostileFiles(PAYLOADS.slice(0, 4), 0));
  await live.page.waitForSelector('p.error');
  await assertClean(live, 'upload errors and saved list');
  await live.page.close();
});

test('upload file names: chat attachments, in the composer and in the sent message', async () => {
  const sender = await openLivePage(context, `${server.url}/chat`);
  await sender.page.fill('#room-name', 'xss-files');
  await sender.page.click('#room-create');
  await sender.page.waitForFunction(() => document.querySelector('#room-title')?.textContent === '#xss-files');
  const own = await planted(sender.page);
  const fileInput = '#message-form input[type=file]';
  let sent = 0;
  for (let i = 0; i < PAYLOADS.length; i += 3) {
    const batch = PAYLOADS.slice(i, i + 3);
    await sender.page.setInputFiles(fileInput, hostileFiles(batch, i));
    await settled(sender.page, '#pending-files li', '.chat-pending-error', batch.length);
    await assertClean(sender, `chat composer ${i}`, { interact: false, own });
    await cancelAll(sender.page, '#pending-files li:has(.chat-pending-error)', '.chat-pending-cancel');
    const valid = await sender.page.locator('#pending-files li').count();
    if (valid > 0) {
      await sender.page.click('#send-button');
      sent += valid;
    }
    await sender.page.waitForFunction(() => document.querySelectorAll('#pending-files li').length === 0);
  }
  assert.ok(sent >= PAYLOADS.length - 6, 'most were sent');
  const reader = await openLivePage(context, `${server.url}/chat?room=xss-files`);
  await reader.page.waitForFunction((n) => document.querySelectorAll('#messages figure').length === n,
    sent, { timeout: 10000 });
  await assertClean(reader, 'chat attachments', { own });
  await assertClean(sender, 'chat attachments, sender', { own });
  await reader.page.close();
  await sender.page.close();
});

// A node that was down catches up: two nodes on one Redis, alice on A and bob on B, both in one
// room. Node B is killed (kill -9); alice goes on talking; B starts again on its data and port.
// Bob's page reconnects by itself and shows what alice said meanwhile, once each and in order;
// so does a reload, and B's own database has the messages (once, also after another restart).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { launchBrowser, openLivePage, actAndSettle } = require('./lib/browser');
const { startLivedeck } = require('./lib/livedeck');
const { startRedis } = require('./lib/redis');

const ROOM = 'catchup';
let redis, nodeA, nodeB, browser, dataDirB;
const args = () => ['--redis', redis.url, '--node-timeout', '1500'];

before(async () => {
  redis = await startRedis();
  dataDirB = fs.mkdtempSync(path.join(os.tmpdir(), 'livedeck-catchup-b-'));
  nodeA = await startLivedeck(args());
  nodeB = await startLivedeck(args(), { dataDir: dataDirB });
  browser = await launchBrowser();
});

after(async () => {
  await browser.close();
  await nodeA.stop();
  if (nodeB) await nodeB.stop();
  await redis.stop();
  fs.rmSync(dataDirB, { recursive: true, force: true });
});

async function send(live, body) {
  await live.page.fill('#body', body);
  const reply = await actAndSettle(live, { selector: '#send' });
  assert.strictEqual(reply.status, 'ok');
}

function texts(live) {
  return live.page.locator('#messages li').allTextContents();
}

async function waitForTexts(live, expected) {
  await live.page.waitForFunction((want) => {
    const got = [...document.querySelectorAll('#messages li')].map((li) => li.textContent);
    return JSON.stringify(got) === JSON.stringify(want);
  }, expected, { timeout: 15000 }).catch(async () => {
    assert.deepStrictEqual(await texts(live), expected);
  });
}

// The bodies node B's SQLite holds for the room, in the order B stored them.
function storedOnB() {
  const out = execFileSync('sqlite3', [path.join(dataDirB, 'livedeck.sqlite'),
    `SELECT body FROM chat_messages WHERE room = 'chat:${ROOM}' ORDER BY id`], { encoding: 'utf8' });
  return out.split('\n').filter((l) => l.length > 0);
}

async function restartB() {
  const port = nodeB.port;
  await nodeB.kill();
  nodeB = await startLivedeck(args(), { dataDir: dataDirB, port });
}

test('a node killed while a room talks shows what it missed once it is back', async () => {
  const alice = await openLivePage(browser, `${nodeA.url}/examples/chat?user=alice&room=${ROOM}`);
  const bob = await openLivePage(browser, `${nodeB.url}/examples/chat?user=bob&room=${ROOM}`);
  await send(alice, 'before the crash');
  await waitForTexts(bob, ['alice: before the crash']);
  await bob.page.evaluate(() => { window.__sameDocument = true; });

  // kill -9 node B: no goodbye, nothing flushed.
  const port = nodeB.port;
  await nodeB.kill();
  nodeB = null;
  await bob.page.waitForSelector('[data-phx-main]:not(.phx-connected)', { timeout: 10000 });
  await send(alice, 'said while B was down');
  await send(alice, 'and a second one');
  const expected = ['alice: before the crash', 'alice: said while B was down', 'alice: and a second one'];
  await waitForTexts(alice, expected);

  nodeB = await startLivedeck(args(), { dataDir: dataDirB, port });
  // Bob's page reconnects by itself (no reload) and shows everything, once each.
  await bob.page.waitForSelector('[data-phx-main].phx-connected', { timeout: 20000 });
  await waitForTexts(bob, expected);
  assert.strictEqual(await bob.page.evaluate(() => window.__sameDocument), true, 'the page was not reloaded');
  assert.deepStrictEqual(storedOnB(), expected.map((t) => t.replace(/^alice: /, '')));

  // A reload reads B's own history: the same.
  await bob.page.reload();
  await bob.page.waitForSelector('[data-phx-main].phx-connected', { timeout: 10000 });
  await waitForTexts(bob, expected);

  // And the room goes on both ways.
  await send(bob, 'back on B');
  const after = [...expected, 'bob: back on B'];
  await waitForTexts(alice, after);
  await waitForTexts(bob, after);

  // Another restart replays the same messages again: nothing is stored or shown twice.
  await restartB();
  await bob.page.waitForSelector('[data-phx-main].phx-connected', { timeout: 20000 });
  await send(alice, 'after the second restart');
  const final = [...after, 'alice: after the second restart'];
  await waitForTexts(bob, final);
  assert.deepStrictEqual(storedOnB(), final.map((t) => t.replace(/^\w+: /, '')));
  const ids = await bob.page.locator('#messages li').evaluateAll((lis) => lis.map((li) => li.id));
  assert.strictEqual(new Set(ids).size, ids.length, `message ids stay unique: ${ids}`);
  for (const live of [alice]) assert.deepStrictEqual(live.errors, []);
});

// Two LiveDeck nodes on one Redis, a browser on each: chat messages cross nodes both ways, the
// lobby's presence list is the same on both nodes, follows joins and leaves, and loses a node's
// users within the node timeout once that node is killed (kill -9, no goodbye).
'use strict';
const { test, before, after } = require('node:test');
const assert = require('node:assert');
const { launchBrowser, openLivePage, actAndSettle } = require('./lib/browser');
const { startLivedeck } = require('./lib/livedeck');
const { startRedis } = require('./lib/redis');

let redis, nodeA, nodeB, browser;
const NODE_TIMEOUT_MS = 1500;

before(async () => {
  redis = await startRedis();
  const args = ['--redis', redis.url, '--node-timeout', String(NODE_TIMEOUT_MS)];
  nodeA = await startLivedeck(args);
  nodeB = await startLivedeck(args);
  browser = await launchBrowser();
});

after(async () => {
  await browser.close();
  await nodeA.stop();
  if (nodeB) await nodeB.stop();
  await redis.stop();
});

async function send(live, body) {
  await live.page.fill('#body', body);
  const reply = await actAndSettle(live, { selector: '#send' });
  assert.strictEqual(reply.status, 'ok');
}

function onlineUsers(page) {
  return page.locator('#online-users li').evaluateAll((lis) => lis.map((li) => li.dataset.user));
}

async function waitForUsers(page, expected) {
  await page.waitForFunction((want) => {
    const got = [...document.querySelectorAll('#online-users li')].map((li) => li.dataset.user);
    return JSON.stringify(got) === JSON.stringify(want);
  }, expected, { timeout: 10000 });
}

test('chat and presence across two nodes, and a node that dies', async () => {
  const watcherA = await openLivePage(browser, `${nodeA.url}/examples/online`);
  const watcherB = await openLivePage(browser, `${nodeB.url}/examples/online`);
  const alice = await openLivePage(browser, `${nodeA.url}/examples/chat?user=alice`);
  const bob = await openLivePage(browser, `${nodeB.url}/examples/chat?user=bob`);

  // Presence merges: both nodes list both users.
  await waitForUsers(watcherA.page, ['alice', 'bob']);
  await waitForUsers(watcherB.page, ['alice', 'bob']);

  // Messages cross both ways, escaped like any text.
  await send(alice, 'hello from node A <script>x()</script>');
  await bob.page.waitForSelector('#messages li:has-text("hello from node A")', { timeout: 10000 });
  await send(bob, 'hi alice, this is node B');
  await alice.page.waitForSelector('#messages li:has-text("this is node B")', { timeout: 10000 });
  for (const live of [alice, bob]) {
    const texts = await live.page.locator('#messages li').allTextContents();
    assert.deepStrictEqual(texts, ['alice: hello from node A <script>x()</script>', 'bob: hi alice, this is node B']);
    assert.strictEqual(await live.page.locator('#messages script').count(), 0, 'chat text stays text');
    const ids = await live.page.locator('#messages li').evaluateAll((lis) => lis.map((li) => li.id));
    assert.strictEqual(new Set(ids).size, ids.length, `message ids are unique across nodes: ${ids}`);
  }

    // A room nobody on node B has open: node B keeps its messages anyway, a page opened there
  // later shows them.
  const quiet = await openLivePage(browser, `${nodeA.url}/examples/chat?user=alice&room=quiet`);
  await send(quiet, 'said while nobody on B listened');
  await quiet.page.waitForFunction(() => document.querySelectorAll('#messages li').length === 1);
  const late = await openLivePage(browser, `${nodeB.url}/examples/chat?user=carol&room=quiet`);
    await late.page.waitForFunction(() => document.querySelectorAll('#messages li').length === 1, null, { timeout: 10000 });
  assert.deepStrictEqual(await late.page.locator('#messages li').allTextContents(),
    ['alice: said while nobody on B listened']);
  await late.page.close();

  // A second tab for bob, then a leave: counts follow on both nodes.
  const bobAgain = await openLivePage(browser, `${nodeB.url}/examples/chat?user=bob`);
  await watcherA.page.waitForSelector('li[data-user="bob"]:has-text("2 open")', { timeout: 10000 });
  await bobAgain.page.close();
  await watcherA.page.waitForSelector('li[data-user="bob"]:has-text("1 open")', { timeout: 10000 });

  // Node B dies with bob on it: node A drops bob after the node timeout, alice stays.
  await nodeB.kill();
  nodeB = null;
  const killedAt = Date.now();
  await waitForUsers(watcherA.page, ['alice']);
  const took = Date.now() - killedAt;
  assert.ok(took < NODE_TIMEOUT_MS + 3000, `bob left ${took} ms after node B died`);
  assert.deepStrictEqual(await onlineUsers(watcherA.page), ['alice']);
  for (const live of [watcherA, alice]) assert.deepStrictEqual(live.errors, []);
});

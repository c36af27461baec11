// The chat reference in Chromium: two pages (alice, bob) replay the recorded conversation against
// the Phoenix replay and against LiveDeck; after each message both pages hold the same DOM as
// the reference. The reference server had handed out ten message ids before the recording (its
// messages are msg-11 and msg-12), so LiveDeck's store is brought to the same point first, with
// ten messages in another room: the ids come from the store, the DOM must match to the byte.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const { openLivePage, domSnapshot } = require('./lib/browser');
const { useBrowserAndLivedeck } = require('./lib/suite');
const { loadTranscript, startReplayServer } = require('./lib/reference');

// Its own server even when LIVEDECK_URL points at one: the test needs a store that has handed out
// exactly the ten warm-up ids.
const suite = useBrowserAndLivedeck({ ownServer: true });

// The recorded messages: who sent which text, in order.
function recordedMessages() {
  return loadTranscript('chat')
    .filter((r) => r.dir === 'send' && r.msg && r.msg[3] === 'event' && r.msg[4].event === 'send')
    .map((r) => ({ client: r.client, body: new URLSearchParams(r.msg[4].value).get('body') }));
}

function recordedClients() {
  return [...new Set(loadTranscript('chat').filter((r) => r.dir === 'send').map((r) => r.client))];
}

async function converse(urlFor) {
  const pages = {};
  for (const client of recordedClients()) pages[client] = await openLivePage(suite.browser, urlFor(client));
  const snapshots = [];
  let sent = 0;
  for (const { client, body } of recordedMessages()) {
    await pages[client].page.fill('#body', body);
    await pages[client].page.click('#send');
    sent += 1;
    // Every page shows the message once its diff has been applied.
    for (const live of Object.values(pages)) {
      await live.page.waitForFunction((n) => document.querySelectorAll('#messages li').length === n, sent);
    }
    const step = {};
    for (const [name, live] of Object.entries(pages)) step[name] = await domSnapshot(live.page);
    snapshots.push(step);
  }
  const errors = Object.values(pages).flatMap((l) => l.errors);
  for (const live of Object.values(pages)) await live.page.close();
  return { snapshots, errors };
}

test('chat: two pages end with the reference DOM after every message', async () => {
  assert.deepStrictEqual(recordedClients(), ['alice', 'bob']);
  assert.strictEqual(recordedMessages().length, 2);

  const replay = await startReplayServer('chat');
  let reference;
  try {
    reference = await converse((client) => `${replay.url}?user=${client}`);
  } finally {
    replay.close();
  }

  // Ten earlier messages elsewhere, as on the reference server.
  const warmup = await openLivePage(suite.browser, `${suite.livedeck.url}/examples/chat?user=warmup&room=warmup`);
  for (let i = 1; i <= 10; i++) {
    await warmup.page.fill('#body', `warm-up ${i}`);
    await warmup.page.click('#send');
    await warmup.page.waitForFunction((n) => document.querySelectorAll('#messages li').length === n, i);
  }
  await warmup.page.close();

  const ours = await converse((client) => `${suite.livedeck.url}/examples/chat?user=${client}`);
  assert.deepStrictEqual(reference.errors, [], 'the reference run logs no errors');
  assert.deepStrictEqual(ours.errors, [], 'LiveDeck causes no console or page errors');
  assert.ok(reference.snapshots[1].alice.includes('id="msg-12"'), 'the reference DOM holds its message ids');
  reference.snapshots.forEach((step, i) => {
    for (const client of Object.keys(step)) {
      assert.strictEqual(ours.snapshots[i][client], step[client], `${client}'s DOM after message ${i + 1}`);
    }
  });
});

// The reference examples in Chromium: the same script drives the Phoenix replay and LiveDeck, and
// after the join and every click both pages hold the same DOM; LiveDeck's replies carry only
// changed dynamics and never more bytes than Phoenix's.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const { openLivePage, actAndSettle, domSnapshot } = require('./lib/browser');
const { useBrowserAndLivedeck } = require('./lib/suite');
const { referenceSteps, startReplayServer } = require('./lib/reference');

const suite = useBrowserAndLivedeck();

function hasStatics(value) {
  if (Array.isArray(value)) return value.some(hasStatics);
  if (value && typeof value === 'object') return 's' in value || Object.values(value).some(hasStatics);
  return false;
}

async function runScenario(url, steps) {
  const live = await openLivePage(suite.browser, url);
  const snapshots = [await domSnapshot(live.page)];
  const replies = [];
  for (const step of steps) {
    replies.push(await actAndSettle(live, step));
    snapshots.push(await domSnapshot(live.page));
  }
  await live.page.close();
  return { snapshots, replies, errors: live.errors };
}

for (const view of ['counter', 'list', 'keyed', 'component', 'stream', 'form']) {
  test(`${view}: LiveDeck reaches the reference DOM after every step`, async () => {
    const steps = referenceSteps(view);
    assert.ok(steps.length >= 4, 'the transcript has the recorded clicks');
    const replay = await startReplayServer(view);
    let reference;
    try {
      reference = await runScenario(replay.url, steps);
    } finally {
      replay.close();
    }
    const ours = await runScenario(`${suite.livedeck.url}/examples/${view}`, steps);

    assert.deepStrictEqual(reference.errors, [], 'the reference run logs no errors');
    assert.deepStrictEqual(ours.errors, [], 'LiveDeck causes no console or page errors');
    assert.strictEqual(ours.snapshots[0], reference.snapshots[0], 'DOM after the join');
    steps.forEach((step, i) => {
      assert.strictEqual(ours.snapshots[i + 1], reference.snapshots[i + 1], `DOM after step ${i + 1} (${step.event})`);
      const diff = ours.replies[i].response.diff || {};
      assert.strictEqual(ours.replies[i].status, 'ok');
      const phoenixDiff = step.reply.response.diff || {};
      // Statics travel only where something new appears; Phoenix sends them there too.
      if (!hasStatics(phoenixDiff) && !('p' in phoenixDiff)) {
        assert.ok(!hasStatics(diff), `step ${i + 1}: the reply re-sends statics: ${JSON.stringify(diff)}`);
      }
      const phoenixBytes = JSON.stringify(step.reply.response.diff || {}).length;
      assert.ok(JSON.stringify(diff).length <= phoenixBytes,
        `step ${i + 1}: ${JSON.stringify(diff)} is larger than Phoenix's ${JSON.stringify(step.reply.response.diff)}`);
      if (view === 'counter') assert.deepStrictEqual(Object.keys(diff), ['0'], 'a counter click changes one dynamic');
    });
  });
}

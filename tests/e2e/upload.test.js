// The upload example in Chromium: both recorded Phoenix interactions (auto upload of two files,
// a third, cancel, save; too many files and a refused type) reach the reference DOM after every
// step, the saved files hold the bytes sent and no temporary file is left; a file over the limit
// is refused before any byte travels.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const { openLivePage, actAndSettle, domSnapshot, uploadFile } = require('./lib/browser');
const { useBrowserAndLivedeck } = require('./lib/suite');
const { referenceSteps, startReplayServer } = require('./lib/reference');

const suite = useBrowserAndLivedeck({ ownServer: true }); // its data directory is inspected

async function until(condition, what, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}

// With auto upload the files travel right after the change event: the step is over once every
// row without an error shows 100.
function uploadsFinished(page) {
  return page.evaluate(() => {
    const input = document.querySelector('input[type=file]');
    if (!input || !input.hasAttribute('data-phx-auto-upload')) return true;
    return [...document.querySelectorAll('li.entry')]
      .every((li) => li.querySelector('.error') || li.querySelector('progress').value === 100);
  });
}

// `settle(i, live)` waits until step i's effects are all in the page.
async function runScenario(url, steps, settle) {
  const live = await openLivePage(suite.browser, url);
  const snapshots = [await domSnapshot(live.page)];
  const replies = [];
  for (const [i, step] of steps.entries()) {
    replies.push(await actAndSettle(live, step));
    if (step.action === 'upload') assert.ok(await until(() => uploadsFinished(live.page)), `step ${i + 1}: uploads finish`);
    await settle(i, live);
    snapshots.push(await domSnapshot(live.page));
  }
  await live.page.close();
  return { snapshots, replies, errors: live.errors };
}

const channelFiles = () => {
  const dir = path.join(suite.livedeck.dataDir, 'upload-tmp', 'channel');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

for (const [view, query] of [['upload', '?auto=1'], ['upload-errors', '']]) {
  test(`${view}: LiveDeck reaches the reference DOM after every step`, async () => {
    const steps = referenceSteps(view);
    assert.ok(steps.length >= 2, 'the transcript has the recorded steps');
    const replay = await startReplayServer(view);
    let reference;
    try {
      // The replay is settled once the page received every frame it sent.
      reference = await runScenario(replay.url, steps, async (i, live) => {
        assert.ok(await until(() => live.frames.filter((f) => f.dir === 'recv' && f.msg && f.msg[2] !== 'phoenix').length >= replay.framesSent()),
          `reference step ${i + 1} settles`);
      });
    } finally {
      replay.close();
    }
    // LiveDeck is given until the page shows the reference DOM (its pushes may trail the reply).
    const ours = await runScenario(`${suite.livedeck.url}/examples/upload${query}`, steps, async (i, live) => {
      await until(async () => (await domSnapshot(live.page)) === reference.snapshots[i + 1], 'DOM', 5000);
    });

    assert.deepStrictEqual(reference.errors, [], 'the reference run logs no errors');
    assert.deepStrictEqual(ours.errors, [], 'LiveDeck causes no console or page errors');
    assert.strictEqual(ours.snapshots[0], reference.snapshots[0], 'DOM after the join');
    steps.forEach((step, i) => {
      assert.strictEqual(ours.snapshots[i + 1], reference.snapshots[i + 1], `DOM after step ${i + 1} (${step.event})`);
      assert.strictEqual(ours.replies[i].status, 'ok');
    });
    if (view === 'upload') {
      // What was saved is what was sent, under the client's (safe) names; no temporary file stays.
      const saved = path.join(suite.livedeck.dataDir, 'uploads');
      for (const file of steps[0].files) {
        assert.deepStrictEqual(fs.readFileSync(path.join(saved, file.name)), uploadFile(file).buffer, `${file.name} saved intact`);
        fs.rmSync(path.join(saved, file.name));
      }
    }
    assert.ok(await until(() => channelFiles().length === 0), `no temporary upload file is left: ${channelFiles()}`);
  });
}

test('a file over the limit is refused before any byte travels', async () => {
  const live = await openLivePage(suite.browser, `${suite.livedeck.url}/examples/upload`);
  const { page } = live;
  await page.setInputFiles('input[type=file]', [
    uploadFile({ name: 'huge.png', type: 'image/png', size: 8000001 }),
    uploadFile({ name: 'small.txt', type: 'text/plain', size: 12 }),
  ]);
  await page.waitForSelector('#entries li.entry .error');
  assert.strictEqual(await page.textContent('#entries li.entry:first-child .error'), 'Too large');
  assert.strictEqual(await page.textContent('#entries li.entry:first-child .name'), 'huge.png');
  const input = page.locator('input[type=file]');
  assert.match(await input.getAttribute('data-phx-error-refs'), /^0(,|$)/);
  // The client will not submit while an entry has an error: nothing is preflighted or sent.
  await page.click('#upload-save');
  assert.ok(!live.frames.some((f) => f.dir === 'send' && f.msg && f.msg[3] === 'allow_upload'), 'no preflight');
  assert.ok(!live.frames.some((f) => f.dir === 'send' && f.msg === null), 'no chunk');
  // Cancelling the big one lets the small one go.
  await page.click('#entry-0 button');
  await page.waitForFunction(() => !document.querySelector('#entry-0'));
  await page.click('#upload-save');
  await page.waitForSelector('#saved li.saved-file');
  assert.strictEqual(await page.textContent('#saved li.saved-file'), 'small.txt (12 bytes)');
  assert.ok(await until(() => channelFiles().length === 0), 'no temporary upload file is left');
  assert.deepStrictEqual(live.errors, []);
  await page.close();
});

// One browser and one livedeck for a whole test file, stopped cleanly (exit 0 on SIGTERM) after it.
'use strict';
const { before, after } = require('node:test');
const assert = require('node:assert');
const { launchBrowser } = require('./browser');
const { startLivedeck } = require('./livedeck');

// options.ownServer: start a fresh livedeck even when LIVEDECK_URL names a running one.
function useBrowserAndLivedeck(options = {}) {
  const suite = { browser: null, livedeck: null };
  before(async () => {
    suite.browser = await launchBrowser();
    suite.livedeck = await startLivedeck([], { fresh: Boolean(options.ownServer) });
  });
  after(async () => {
    await suite.browser.close();
    assert.strictEqual(await suite.livedeck.stop(), 0, 'livedeck must exit 0 on SIGTERM');
  });
  return suite;
}

module.exports = { useBrowserAndLivedeck };

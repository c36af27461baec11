// livedeck --dev on a private copy of resources/ that a test may edit, removed when it stops.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startLivedeck } = require('./livedeck');

async function startDevLivedeck() {
  const resources = fs.mkdtempSync(path.join(os.tmpdir(), 'livedeck-dev-'));
  for (const dir of ['templates', 'assets']) {
    fs.cpSync(path.join(__dirname, '..', '..', '..', 'resources', dir), path.join(resources, dir), { recursive: true });
  }
  const livedeck = await startLivedeck(['--dev', '--resources', resources]);
  return {
    url: livedeck.url,
    // The path of a template, e.g. template('examples/counter.heex').
    template: (name) => path.join(resources, 'templates', name),
    // Saves a template with `edit` applied to its current text: by default as most editors do,
    // a new file renamed over the old one, which the server never sees half written; with
    // { inPlace: true } by truncating and writing the file itself.
    editTemplate(name, edit, { inPlace = false } = {}) {
      const file = path.join(resources, 'templates', name);
      const text = edit(fs.readFileSync(file, 'utf8'));
      if (inPlace) {
        fs.writeFileSync(file, text);
        return;
      }
      const temporary = `${file}.saving`;
      fs.writeFileSync(temporary, text);
      fs.renameSync(temporary, file);
    },
    async stop() {
      const code = await livedeck.stop();
      fs.rmSync(resources, { recursive: true, force: true });
      return code;
    },
  };
}

module.exports = { startDevLivedeck };

// Starts the real livedeck binary on a free port for a test run and stops it with SIGTERM.
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

async function startLivedeck(extraArgs = [], options = {}) {
  if (process.env.LIVEDECK_URL && extraArgs.length === 0 && !options.dataDir && !options.fresh) return { url: process.env.LIVEDECK_URL, stop: async () => 0 };
  const bin = process.env.LIVEDECK_BIN;
  if (!bin || !fs.existsSync(bin)) {
    throw new Error(`LIVEDECK_BIN must point at the livedeck executable (got ${bin})`);
  }
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'livedeck-e2e-'));
  // options.port: start again on the port of a previous run (a restart under open pages).
  const port = String(options.port || 0);
  const child = spawn(bin, ['--headless', '--port', port, '--bind', '127.0.0.1', '--data-dir', dataDir, ...extraArgs], {
    env: { ...process.env, QT_NO_GLIB: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (d) => { log += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`livedeck did not start:\n${out}\n${log}`)), 15000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/LiveDeck listening on (http:\/\/\S+)/);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`livedeck exited with ${code}:\n${log}`)); });
  });
  const stop = () => new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code, signal) => {
      if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      resolve(signal ? `signal ${signal}` : code);
    });
    child.kill('SIGTERM');
  });
    // kill -9: no shutdown code runs (the durability test). A data directory made here is removed
  // afterwards all the same (a test that restarts on the same data passes its own).
  const kill = () => new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', () => {
      if (ownDataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      resolve();
    });
    child.kill('SIGKILL');
  });
  return { url, port: Number(new URL(url).port), pid: child.pid, dataDir, stop, kill, log: () => log };
}

module.exports = { startLivedeck };

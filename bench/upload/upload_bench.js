// Upload throughput through Chromium with files on disk: one 1 GiB file and five 100 MiB files
// at once, over the socket's binary chunks (the LiveView protocol, 64 KB chunks) and over the
// resumable HTTP endpoint (8 MiB appends). Each run gets a fresh server; printed per run: MB/s
// (from choosing the files to every entry at 100 %), the server's CPU time over that span and
// its peak RSS (sampled every 50 ms) against its RSS before.
//
//   LIVEDECK_BIN=build/app/livedeck node bench/upload/upload_bench.js [socket|resumable ...]
//
// LIVEDECK_BENCH_SCALE=0.1 shrinks the files (a quick check). Results: BENCHMARKS.md, "Uploads".
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const e2e = path.join(__dirname, '..', '..', 'tests', 'e2e', 'lib');
const { launchBrowser, openLivePage } = require(path.join(e2e, 'browser'));
const { startLivedeck } = require(path.join(e2e, 'livedeck'));
const { writeRandomFile, memoryOf, cpuSecondsOf, sampleRss } = require(path.join(e2e, 'uploads'));

const MB = 1000 * 1000;
const MiB = 1024 * 1024;
const scale = Number(process.env.LIVEDECK_BENCH_SCALE || 1);
const modes = {
  socket: '/examples/upload?auto=1&big=1',
  resumable: '/examples/upload?auto=1&big=1&resumable=1',
};

async function run(browser, mode, files) {
  const server = await startLivedeck([]);
  try {
    const live = await openLivePage(browser, server.url + modes[mode]);
    const bytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
    const rssBefore = memoryOf(server.pid).rss;
    const cpuBefore = cpuSecondsOf(server.pid);
    const sampler = sampleRss(server.pid);
    const started = process.hrtime.bigint();
    await live.page.setInputFiles('#upload-form input[type=file]', files);
    await live.page.waitForFunction((n) => {
      const bars = [...document.querySelectorAll('#entries progress')];
      return bars.length === n && bars.every((b) => b.getAttribute('value') === '100');
    }, files.length, { timeout: 1800000, polling: 100 });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = cpuSecondsOf(server.pid) - cpuBefore;
    const peak = sampler.stop();
    // Saved as the example does (moves the files into the data directory), then forgotten.
    await live.page.click('#upload-save');
    await live.page.waitForFunction((n) => document.querySelectorAll('#saved li').length === n, files.length,
      { timeout: 600000 });
    await live.page.close();
    return { seconds, mbPerSecond: bytes / MB / seconds, cpu, rssBefore, peak };
  } finally {
    await server.stop();
  }
}

async function main() {
  if (!process.env.LIVEDECK_BIN) process.env.LIVEDECK_BIN = path.join(__dirname, '..', '..', 'build', 'app', 'livedeck');
  const chosen = process.argv.slice(2).filter((m) => modes[m]);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'livedeck-upload-bench-'));
  const browser = await launchBrowser();
  try {
    const oneBig = [writeRandomFile(path.join(work, 'one-1g.bin'), Math.round(1024 * scale))];
    const five = [1, 2, 3, 4, 5].map((i) => writeRandomFile(path.join(work, `five-${i}.bin`), Math.round(100 * scale)));
    console.log('mode       files           seconds   MB/s   server CPU s  RSS before MiB  peak MiB  growth MiB');
    for (const mode of chosen.length ? chosen : Object.keys(modes)) {
      for (const [label, files] of [[`1 x ${Math.round(1024 * scale)} MiB`, oneBig], [`5 x ${Math.round(100 * scale)} MiB`, five]]) {
        const r = await run(browser, mode, files);
        console.log(`${mode.padEnd(10)} ${label.padEnd(15)} ${r.seconds.toFixed(1).padStart(7)} ${r.mbPerSecond.toFixed(1).padStart(6)} ` +
          `${r.cpu.toFixed(1).padStart(13)} ${(r.rssBefore / MiB).toFixed(1).padStart(15)} ${(r.peak / MiB).toFixed(1).padStart(9)} ` +
          `${((r.peak - r.rssBefore) / MiB).toFixed(1).padStart(11)}`);
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exit(1); });

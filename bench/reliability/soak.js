// Soak: many clients sending events and chat messages against one server for a long time. Prints
// a line a minute (server RSS, acknowledged round-trip p50/p99 of that minute, errors) and a
// summary: RSS drift after the warm-up, total errors, whether p99 stayed stable.
//
//   LIVEDECK_BIN=build/app/livedeck node bench/reliability/soak.js \
//       [--clients 1000] [--minutes 30] [--warmup-minutes 5] [--interval-ms 5000] [--rooms 20]
// Half the clients chat (in --rooms rooms), half click the counter example.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { startLivedeck } = require('../../tests/e2e/lib/livedeck');
const { ChatClient } = require('./chat_client');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CLIENTS = arg('clients', 1000);
const MINUTES = arg('minutes', 30);
const WARMUP = arg('warmup-minutes', 5);
const INTERVAL_MS = arg('interval-ms', 5000);
const ROOMS = arg('rooms', 20);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function rssKb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+)/)[1]);
}

function serverPid(dataDir) {
  // The livedeck started on `dataDir` (the e2e helper does not expose the child's pid).
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (cmd[0].endsWith('livedeck') && cmd.includes(dataDir)) return pid;
    } catch { /* gone */ }
  }
  throw new Error('server pid not found');
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'livedeck-soak-'));
  const server = await startLivedeck(['--max-connections', String(CLIENTS + 100), '--joins-per-second', '0', '--connections-per-second', '0'], { dataDir });
  const pid = serverPid(dataDir);
  const clients = [];
  for (let i = 0; i < CLIENTS; i++) {
    const counter = i % 2 === 1;
    // Each client sends at its own fixed phase of the interval, spread evenly.
    const phaseMs = (i * INTERVAL_MS) / CLIENTS;
    const c = new ChatClient(server.url, { name: `soak${i}`, room: `soak${i % ROOMS}`, intervalMs: INTERVAL_MS, counter, phaseMs });
    await c.start();
    clients.push(c);
    if (i % 50 === 49) await sleep(100);
  }
  console.log(`${CLIENTS} clients joined; server pid ${pid}, RSS ${rssKb(pid)} kB`);
  const minutes = [];
  let seen = 0;
  // The client's own event-loop delay: a round trip includes it, so a slow tail here is the
  // load client's, not the server's.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  for (let m = 1; m <= MINUTES; m++) {
    await sleep(60000);
    // Per kind too: a slow tail in one half of the load (chat messages stored in SQLite, counter
    // clicks checkpointed) shows which path carries it.
    const chatRtts = clients.filter((_, i) => i % 2 === 0).flatMap((c) => c.rtts.splice(0)).sort((a, b) => a - b);
    const counterRtts = clients.filter((_, i) => i % 2 === 1).flatMap((c) => c.rtts.splice(0)).sort((a, b) => a - b);
    const rtts = chatRtts.concat(counterRtts).sort((a, b) => a - b);
    const errors = clients.reduce((n, c) => n + c.errors.length, 0);
    const acks = rtts.length;
    const down = clients.filter((c) => c.lastDown !== null).length;
    const pctOf = (list, p) => list.length ? list[Math.min(list.length - 1, Math.floor(list.length * p))] : null;
    const pct = (p) => pctOf(rtts, p);
    const row = {
      minute: m, rssKb: rssKb(pid), acks, p50: pct(0.5), p99: pct(0.99),
      chatP99: pctOf(chatRtts, 0.99), counterP99: pctOf(counterRtts, 0.99), errors, disconnected: down,
      clientLoopDelayP99: +(loopDelay.percentile(99) / 1e6).toFixed(1),
    };
    loopDelay.reset();
    minutes.push(row);
    seen += acks;
    console.log(JSON.stringify(row));
  }
  for (const c of clients) c.stop();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const after = minutes.filter((r) => r.minute > WARMUP);
  const base = after[0].rssKb;
  const last = after[after.length - 1].rssKb;
  const p99s = after.map((r) => r.p99);
  const summary = {
    clients: CLIENTS, minutes: MINUTES, acknowledged: seen,
    rssAfterWarmupKb: base, rssEndKb: last, rssDriftPercent: +(100 * (last - base) / base).toFixed(2),
    rssMaxKb: Math.max(...after.map((r) => r.rssKb)),
    errors: minutes[minutes.length - 1].errors,
    p99MinMs: Math.min(...p99s), p99MaxMs: Math.max(...p99s),
  };
  console.log(JSON.stringify(summary, null, 2));
}

main().catch((e) => { console.error(e); process.exit(2); });

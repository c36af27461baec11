// Kill -9 cycles under chat load: the server (or, with --nodes 2, one of two nodes sharing a
// Redis, in turn) is killed while chat clients talk, and started again on its data and port.
// Afterwards: every message a client was acknowledged is in the database of the node that
// acknowledged it (and, with two nodes, in the other node's too), each database passes
// PRAGMA integrity_check, and every client rejoined by itself within its reconnect back-off: on its
// first attempt once the server listened again, so that its wait was its back-off step alone
// (the Phoenix client's steps: 10 ms ... 2 s, then 5 s).
//
//   LIVEDECK_BIN=build/app/livedeck node bench/reliability/kill_cycles.js \
//       [--nodes 1|2] [--cycles 20] [--clients 20] [--interval-ms 250] [--up-ms 3000]
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { startLivedeck } = require('../../tests/e2e/lib/livedeck');
const { startRedis } = require('../../tests/e2e/lib/redis');
const { ChatClient } = require('./chat_client');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const NODES = arg('nodes', 1);
const CYCLES = arg('cycles', 20);
const CLIENTS = arg('clients', 20); // per node
const INTERVAL_MS = arg('interval-ms', 250);
const UP_MS = arg('up-ms', 3000);
const ROOM = 'cycles';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what, cond, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

function sql(db, query) {
  return execFileSync('sqlite3', [db, query], { encoding: 'utf8' }).split('\n').filter((l) => l);
}

async function main() {
  const redis = NODES > 1 ? await startRedis() : null;
  const extra = redis ? ['--redis', redis.url, '--node-timeout', '2000'] : [];
  const nodes = [];
  for (let n = 0; n < NODES; n++) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `livedeck-cycles-${n}-`));
    nodes.push({ dataDir, server: await startLivedeck(extra, { dataDir }), clients: [] });
  }
  for (const [n, node] of nodes.entries()) {
    for (let c = 0; c < CLIENTS; c++) {
      const client = new ChatClient(node.server.url, { name: `n${n}c${c}`, room: ROOM, intervalMs: INTERVAL_MS });
      await client.start();
      node.clients.push(client);
    }
  }
  const logs = []; // every server run's log, for write failures
  const rejoinAfterReady = []; // server listening again → client joined again (ms)
  const retriedAfterReady = []; // clients that needed more than one attempt once it listened
  const started = Date.now();
  for (let cycle = 0; cycle < CYCLES; cycle++) {
    await sleep(UP_MS);
    const node = nodes[cycle % NODES];
    const joinsBefore = node.clients.map((c) => c.joins);
    const port = node.server.port;
    logs.push(node.server.log());
    await node.server.kill();
    node.server = await startLivedeck(extra, { dataDir: node.dataDir, port });
    const ready = Date.now();
    await waitFor(`the clients of node ${cycle % NODES} to rejoin (cycle ${cycle + 1})`,
      () => node.clients.every((c, i) => c.joins > joinsBefore[i]), 30000);
    // The last client back, measured from the moment the new server listened; and whether each
    // got back on its first attempt once the server listened (then the wait was its back-off
    // step alone).
    rejoinAfterReady.push(Date.now() - ready);
    for (const c of node.clients) {
      const tries = c.attempts.filter((t) => t >= ready).length;
      if (tries > 1) retriedAfterReady.push(`cycle ${cycle + 1} ${c.name}: ${tries} attempts`);
    }
    const slowest = Math.max(...node.clients.map((c) => c.rejoinDelays[c.rejoinDelays.length - 1]));
    process.stdout.write(`cycle ${cycle + 1}/${CYCLES}: node ${cycle % NODES} killed and back; ` +
      `all ${node.clients.length} clients rejoined ${Date.now() - ready} ms after it listened ` +
      `(socket down → rejoined, slowest: ${slowest} ms)\n`);
  }
  await sleep(UP_MS);
  for (const node of nodes) for (const c of node.clients) c.stop();
  await sleep(1000); // the last replies
  // With several nodes, each must end up with every acknowledged message (the last node killed
  // is still catching up): wait until it has, at most a minute.
  const db = (node) => path.join(node.dataDir, 'livedeck.sqlite');
  const everyAcked = nodes.flatMap((node) => node.clients.flatMap((c) => [...c.acked]));
  const convergeStart = Date.now();
  let missing = 0;
  for (;;) {
    const have = nodes.map((node) => new Set(sql(db(node), `SELECT body FROM chat_messages WHERE room = 'chat:${ROOM}'`)));
    missing = have.reduce((n, set) => n + everyAcked.filter((b) => !set.has(b)).length, 0);
    if (missing === 0 || Date.now() - convergeStart > 60000) break;
    await sleep(500);
  }
  const convergedMs = Date.now() - convergeStart;
  for (const node of nodes) logs.push(node.server.log());
  const stops = [];
  for (const node of nodes) stops.push(node.server.stop());
  await Promise.all(stops);
  if (redis) await redis.stop();

  const report = { nodes: NODES, cycles: CYCLES, clientsPerNode: CLIENTS, intervalMs: INTERVAL_MS, seconds: Math.round((Date.now() - started) / 1000) };
  let lost = 0, lostElsewhere = 0, acked = 0, errors = [];
  const stored = nodes.map((node) => new Set(sql(path.join(node.dataDir, 'livedeck.sqlite'),
    `SELECT body FROM chat_messages WHERE room = 'chat:${ROOM}'`)));
  report.integrity = nodes.map((node) => sql(path.join(node.dataDir, 'livedeck.sqlite'), 'PRAGMA integrity_check').join(' '));
  for (const [n, node] of nodes.entries()) {
    for (const c of node.clients) {
      errors = errors.concat(c.errors);
      for (const body of c.acked) {
        acked++;
        if (!stored[n].has(body)) lost++;
        for (let m = 0; m < NODES; m++) if (m !== n && !stored[m].has(body)) lostElsewhere++;
      }
    }
  }
  const all = nodes.flatMap((node) => node.clients);
  const delays = all.flatMap((c) => c.rejoinDelays).sort((a, b) => a - b);
  const rtts = all.flatMap((c) => c.rtts).sort((a, b) => a - b);
  const pct = (xs, p) => xs.length ? xs[Math.min(xs.length - 1, Math.floor(xs.length * p))] : null;
  Object.assign(report, {
    acknowledged: acked, lostOnTheirNode: lost, missingOnOtherNodes: lostElsewhere,
    stored: stored.map((s) => s.size), clientErrors: errors.length, firstErrors: errors.slice(0, 5),
    rejoinMs: { p50: pct(delays, 0.5), p99: pct(delays, 0.99), max: delays[delays.length - 1] },
    rejoinAfterListeningMaxMs: Math.max(...rejoinAfterReady),
    clientsRetryingAfterListening: retriedAfterReady.length, firstRetries: retriedAfterReady.slice(0, 5),
    ackRoundTripMs: { p50: pct(rtts, 0.5), p99: pct(rtts, 0.99) },
    convergedMs: missing === 0 ? convergedMs : null,
    serverWriteFailures: logs.join('').split('\n').filter((l) => /not stored/.test(l)).length,
    firstWriteFailures: logs.join('').split('\n').filter((l) => /not stored/.test(l)).slice(0, 3),
    lostBodies: nodes.flatMap((node, n) => node.clients.flatMap((c) => [...c.acked].filter((b) => !stored[n].has(b)))).slice(0, 10),
  });
  console.log(JSON.stringify(report, null, 2));
  for (const node of nodes) fs.rmSync(node.dataDir, { recursive: true, force: true });
  const ok = lost === 0 && lostElsewhere === 0 && report.integrity.every((r) => r === 'ok') &&
    errors.length === 0 && retriedAfterReady.length === 0;
  console.log(ok ? 'PASS' : 'FAIL');
  process.exit(ok ? 0 : 1);
}

main().catch((e) => { console.error(e); process.exit(2); });

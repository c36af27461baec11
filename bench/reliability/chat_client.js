// A chat load client that behaves like a browser tab running the official LiveView client: it
// loads the page, joins over the WebSocket, sends a chat message every so often and counts the
// ones the server acknowledged (a phx_reply "ok" to the send event: stored durably before it).
// When the socket drops it reconnects with the Phoenix client's back-off and rejoins with the
// same page tokens, as a browser tab does without a reload.
'use strict';
// `ws` comes with the browser tests' npm packages (tests/e2e/package.json).
const WebSocket = require('../../tests/e2e/node_modules/ws');

// phoenix.js's default reconnectAfterMs: [10, 50, 100, 150, 200, 250, 500, 1000, 2000], then 5 s.
const BACKOFF_MS = [10, 50, 100, 150, 200, 250, 500, 1000, 2000];
const backoff = (tries) => BACKOFF_MS[tries - 1] || 5000;

async function loadPage(url) {
  const res = await fetch(url);
  const html = await res.text();
  const attr = (re) => { const m = html.match(re); return m ? m[1] : null; };
  const page = {
    csrf: attr(/<meta name="csrf-token" content="([^"]+)"/),
    id: attr(/<div id="([^"]+)" data-phx-main/),
    session: attr(/data-phx-session="([^"]+)"/),
    static: attr(/data-phx-static="([^"]*)"/),
    cookie: (res.headers.getSetCookie ? res.headers.getSetCookie() : [res.headers.get('set-cookie')])
      .filter(Boolean).map((c) => c.split(';')[0]).join('; '),
  };
  if (!page.csrf || !page.id || !page.session) throw new Error(`not a live page: ${url} (${res.status})`);
  return page;
}

class ChatClient {
  // base: http://host:port; every `intervalMs` a message "<name>#<n>" goes to `room`. With
  // `counter: true` the client clicks the counter example's button instead (an event, no chat).
  // `phaseMs` (0 <= phaseMs < intervalMs) fixes when in each interval this client sends, on the
  // process's monotonic clock: clients given phases spread evenly keep their spread for hours.
  constructor(base, { name, room, intervalMs, counter = false, phaseMs = null }) {
    Object.assign(this, { base, name, room, intervalMs, counter, phaseMs });
    this.url = counter ? `${base}/examples/counter`
      : `${base}/examples/chat?user=${encodeURIComponent(name)}&room=${room}`;
    this.acked = new Set();   // bodies the server acknowledged
    this.sent = 0;
    this.errors = [];         // refused sends, failed joins: anything a user would notice
    this.joins = 0;
    this.lastDown = null;     // when the socket last dropped (ms)
    this.rejoinDelays = [];   // socket drop → joined again (ms)
    this.rtts = [];           // send → ack round trips (ms)
    this.attempts = [];       // start time of every connection attempt (ms)
    this.stopped = false;
  }

  async start(page) {
    this.page = page || await loadPage(this.url);
    this.connect(0);
  }

  connect(tries) {
    if (this.stopped) return;
    this.attempts.push(Date.now());
    const { page } = this;
    const ws = new WebSocket(
      `${this.base.replace(/^http/, 'ws')}/live/websocket?_csrf_token=${encodeURIComponent(page.csrf)}&vsn=2.0.0`,
      { headers: { Cookie: page.cookie, Origin: this.base } });
    this.ws = ws;
    this.ref = 0;
    this.pending = new Map();
    this.joinRef = String(++this.ref);
    this.topic = `lv:${page.id}`;
    let opened = false;
    ws.on('open', () => {
      opened = true;
      ws.send(JSON.stringify([this.joinRef, this.joinRef, this.topic, 'phx_join', {
        url: this.url, params: { _csrf_token: page.csrf, _mounts: this.joins, _mount_attempts: 0 },
        session: page.session, static: page.static || null, sticky: false }]));
    });
    ws.on('message', (data) => this.onFrame(JSON.parse(String(data))));
    const retry = () => {
      clearTimeout(this.timer);
      clearInterval(this.heartbeat);
      if (this.stopped) return;
      if (this.lastDown === null) this.lastDown = Date.now();
      // The client's back-off counts failed attempts; a socket that had opened starts over.
      const next = opened ? 1 : tries + 1;
      setTimeout(() => this.connect(next), backoff(next));
    };
    ws.on('close', retry);
    ws.on('error', () => {}); // followed by close
  }

  onFrame([joinRef, ref, topic, event, payload]) {
    if (event !== 'phx_reply') return;
    if (ref === this.joinRef) {
      if (payload.status !== 'ok') {
        this.errors.push(`join refused: ${JSON.stringify(payload.response).slice(0, 200)}`);
        this.ws.close();
        return;
      }
      this.joins++;
      if (this.lastDown !== null) this.rejoinDelays.push(Date.now() - this.lastDown);
      this.lastDown = null;
      this.startSending();
      this.heartbeat = setInterval(() => this.ws.send(JSON.stringify([null, String(++this.ref), 'phoenix', 'heartbeat', {}])), 30000);
      return;
    }
    const p = this.pending.get(ref);
    if (!p) return;
    this.pending.delete(ref);
    if (payload.status === 'ok' && !(payload.response && payload.response.error)) {
      this.acked.add(p.body);
      this.rtts.push(Date.now() - p.at);
    } else {
      this.errors.push(`send refused: ${JSON.stringify(payload)}`);
    }
  }

  // Sends fall due at fixed times, not every intervalMs after the last timer fired: Node
  // reschedules an interval timer from when it actually ran, so timers that once ran in the same
  // late pass of a busy event loop stay together for good, and over a long run the clients' sends
  // merge into ever larger bursts (the soak's p99 then rises with elapsed time alone).
  startSending() {
    const { performance } = require('node:perf_hooks');
    const interval = this.intervalMs;
    const now = performance.now();
    let due = this.phaseMs === null ? now + interval
      : now - ((now - this.phaseMs) % interval + interval) % interval + interval;
    const tick = () => {
      this.send();
      due += interval;
      const late = performance.now();
      while (due <= late) due += interval; // a stalled loop skips sends rather than bursting
      this.timer = setTimeout(tick, due - late);
    };
    this.timer = setTimeout(tick, due - now);
  }

  send() {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const body = `${this.name}#${++this.sent}`;
    const ref = String(++this.ref);
    this.pending.set(ref, { body, at: Date.now() });
    this.ws.send(JSON.stringify([this.joinRef, ref, this.topic, 'event', this.counter
      ? { type: 'click', event: 'inc', value: {} }
      : { type: 'form', event: 'send', value: `body=${encodeURIComponent(body)}`, meta: {} }]));
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearInterval(this.heartbeat);
    if (this.ws) this.ws.close();
  }
}

module.exports = { ChatClient, loadPage, backoff };

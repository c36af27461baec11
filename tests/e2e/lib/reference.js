// The Phoenix reference transcripts (tests/reference): the clicks they contain, and a replay
// server that answers the unmodified client with the recorded frames, so the browser reaches
// exactly the DOM a real Phoenix server produced.
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const { WebSocketServer } = require('ws');

const REFERENCE_DIR = path.join(__dirname, '..', '..', 'reference', 'phoenix-liveview-1.2');
const CLIENT_DIR = path.join(__dirname, '..', '..', '..', 'resources', 'node_modules');
const ASSETS = {
  '/assets/phoenix.min.js': path.join(CLIENT_DIR, 'phoenix', 'priv', 'static', 'phoenix.min.js'),
  '/assets/phoenix_live_view.min.js': path.join(CLIENT_DIR, 'phoenix_live_view', 'priv', 'static', 'phoenix_live_view.min.js'),
};

function loadTranscript(view) {
  return fs.readFileSync(path.join(REFERENCE_DIR, `${view}.jsonl`), 'utf8')
    .split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

// The clicks of the recorded interaction, with the reply Phoenix gave to each.
function referenceSteps(view) {
  const records = loadTranscript(view);
  const steps = [];
  for (const r of records) {
    if (r.dir === 'send' && r.msg && r.msg[3] === 'event') {
      const reply = records.find((x) => x.dir === 'recv' && x.msg[3] === 'phx_reply' && x.msg[1] === r.msg[1]);
      if (r.msg[4].type === 'form') {
        // A change carries `uploads` and names the typed field in meta._target; a submit does not.
        const payload = r.msg[4];
        const chosen = Object.values(payload.uploads || {}).flat();
        if (chosen.length > 0) {
          // Files chosen on a file input: the files new at this step (the client lists every file
          // it still tracks), with the recorded names, types and sizes.
          const seen = new Set(steps.flatMap((s) => (s.files || []).map((f) => f.ref)));
          const files = chosen.filter((f) => !seen.has(f.ref));
          steps.push({ event: payload.event, action: 'upload', selector: `input[type=file][name="${chosen[0].path}"]`, files, reply: reply.msg[4] });
          continue;
        }
        if ('uploads' in payload) {
          const field = payload.meta._target;
          const typed = new URLSearchParams(payload.value).get(field);
          steps.push({ event: payload.event, action: 'fill', selector: `[name="${field}"]`, value: typed, reply: reply.msg[4] });
        } else {
          steps.push({ event: payload.event, action: 'click', selector: `form[phx-submit="${payload.event}"] [type=submit]`, reply: reply.msg[4] });
        }
        continue;
      }
      // Events for a component carry its cid, which is the button's phx-target.
      const target = (r.msg[4].cid ? `[phx-target="${r.msg[4].cid}"]` : '') +
        Object.entries(r.msg[4].value || {}).filter(([k]) => k !== 'value')
          .map(([k, v]) => `[phx-value-${k}="${v}"]`).join('');
      steps.push({ event: r.msg[4].event, selector: `[phx-click="${r.msg[4].event}"]${target}`, reply: reply.msg[4] });
    }
  }
  return steps;
}

// Serves the recorded page and answers each client frame with the frames Phoenix sent after the
// matching recorded one; refs are rewritten to the ones the live client used. Transcripts with
// several clients (the chat) are replayed across sockets: the n-th socket to join plays the n-th
// recorded client, and what Phoenix sent to each client goes to that client's socket.
function startReplayServer(view) {
  const records = loadTranscript(view);
  const uploads = records.some((r) => r.binary);
  const html = fs.readFileSync(path.join(REFERENCE_DIR, `${view}.html`));
  const server = http.createServer((req, res) => {
    const asset = ASSETS[req.url];
    if (asset) {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(fs.readFileSync(asset));
    } else if (req.url === '/favicon.ico') {
      res.writeHead(204);
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(html);
    }
  });
  const wss = new WebSocketServer({ noServer: true });
  let framesSent = 0; // what the replay has sent so far: a step is over once the page has it all
  server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head,
    (ws) => (uploads ? replayUploads(ws) : replay(ws))));

  const sockets = new Map(); // recorded client name -> { ws, joinRef, topic, recordedJoinRef }
  let cursor = 0; // one position in the transcript, shared by all sockets

  function replay(ws) {
    let client = null;
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data));
      const [joinRef, ref, topic, event, payload] = msg;
      if (topic === 'phoenix' && event === 'heartbeat') {
        ws.send(JSON.stringify([null, ref, 'phoenix', 'phx_reply', { response: {}, status: 'ok' }]));
        return;
      }
      const sameEvent = (r) => r.dir === 'send' && r.msg[3] === event &&
        (client === null || r.client === client) &&
        (event !== 'event' || r.msg[4].event === payload.event);
      const at = records.findIndex((r, i) => i >= cursor && sameEvent(r));
      if (at < 0) throw new Error(`replay of ${view}: unexpected ${event} ${JSON.stringify(payload)}`);
      const recorded = records[at].msg;
      if (event === 'phx_join') {
        client = records[at].client;
        sockets.set(client, { ws, joinRef, topic, recordedJoinRef: recorded[0] });
      }
      cursor = at + 1;
      while (cursor < records.length && records[cursor].dir !== 'send') {
        const r = records[cursor++];
        if (r.dir !== 'recv') continue;
        const target = sockets.get(r.client) || sockets.get(client);
        const out = r.msg.slice();
        if (out[0] === target.recordedJoinRef) out[0] = target.joinRef;
        if (r.client === client && out[1] === recorded[1]) out[1] = ref;
        out[2] = target.topic;
        target.ws.send(JSON.stringify(out));
        framesSent++;
      }
    });
  }

  // Upload transcripts: entries upload side by side on their own channels, so the live client's
  // frames come in another order than recorded. Each client frame is matched to the first unused
  // recorded one of the same kind (topic for upload channels, entry and percentage for progress);
  // it is answered with its recorded reply (by ref, wherever it is) and the pushes recorded right
  // after it. Upload channel topics keep their names; refs are mapped to the live ones.
  function replayUploads(ws) {
    const used = new Set();
    const sentRecords = new Set();
    const joinRefs = new Map(); // recorded join ref -> live join ref
    let viewTopic = null;
    const decodeBinary = (buf) => {
      const lens = [buf[1], buf[2], buf[3], buf[4]];
      let at = 5;
      const [joinRef, ref, topic, event] = lens.map((n) => { const s = buf.subarray(at, at + n).toString(); at += n; return s; });
      return [joinRef, ref, topic, event, null];
    };
    ws.on('message', (data, isBinary) => {
      const msg = isBinary ? decodeBinary(data) : JSON.parse(String(data));
      const [joinRef, ref, topic, event, payload] = msg;
      if (topic === 'phoenix' && event === 'heartbeat') {
        ws.send(JSON.stringify([null, ref, 'phoenix', 'phx_reply', { response: {}, status: 'ok' }]));
        return;
      }
      const recordedMsg = (r) => (r.binary ? [r.header.join_ref, r.header.ref, r.header.topic, r.header.event, null] : r.msg);
      const matches = (r) => {
        if (r.dir !== 'send' || Boolean(r.binary) !== isBinary) return false;
        const m = recordedMsg(r);
        if (m[3] !== event) return false;
        if (topic.startsWith('lvu:') && m[2] !== topic) return false;
        if (event === 'event') return m[4].event === payload.event && m[4].type === payload.type &&
          JSON.stringify(m[4].value) === JSON.stringify(payload.value);
        if (event === 'progress') return m[4].entry_ref === payload.entry_ref && m[4].progress === payload.progress;
        return true;
      };
      const at = records.findIndex((r, i) => !used.has(i) && matches(r));
      if (at < 0) throw new Error(`replay of ${view}: unexpected ${event} on ${topic}`);
      used.add(at);
      const recorded = recordedMsg(records[at]);
      if (event === 'phx_join') {
        joinRefs.set(recorded[0], joinRef);
        if (topic.startsWith('lv:')) viewTopic = topic;
      }
      const next = records.findIndex((r, i) => i > at && r.dir === 'send');
      const end = next < 0 ? records.length : next;
      const answer = records.map((r, i) => [r, i]).filter(([r, i]) => r.dir === 'recv' && !sentRecords.has(i) &&
        ((r.msg[3] === 'phx_reply' && r.msg[1] === recorded[1] && r.msg[2] === recorded[2]) ||
         (r.msg[3] !== 'phx_reply' && i > at && i < end)));
      for (const [r, i] of answer) {
        sentRecords.add(i);
        const out = r.msg.slice();
        if (joinRefs.has(out[0])) out[0] = joinRefs.get(out[0]);
        if (out[3] === 'phx_reply' && out[1] === recorded[1]) out[1] = ref;
        else if (joinRefs.has(out[1])) out[1] = joinRefs.get(out[1]);
        if (out[2].startsWith('lv:')) out[2] = viewTopic;
        ws.send(JSON.stringify(out));
        framesSent++;
      }
    });
  }

  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    resolve({ url: `http://127.0.0.1:${server.address().port}/${view}`, close: () => server.close(), framesSent: () => framesSent });
  }));
}

module.exports = { referenceSteps, startReplayServer, loadTranscript, REFERENCE_DIR };

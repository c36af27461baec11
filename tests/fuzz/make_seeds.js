// Writes the fuzz targets' seed corpora into DIR/<target>/ from what the tests and the reference
// transcripts of a real Phoenix server hold: channel frames (text and binary pushes), templates
// and the expressions in them, query strings and form bodies, plus a few hand-made seeds for
// formats no transcript carries (tokens, cluster messages, request heads).
// usage: node make_seeds.js DIR [REFERENCE_DIR...]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const out = process.argv[2];
const repo = path.resolve(__dirname, '..', '..');
const references = [path.join(repo, 'tests', 'reference'), ...process.argv.slice(3)];
const written = {};

function seed(target, selector, body) {
  const dir = path.join(out, target);
  fs.mkdirSync(dir, { recursive: true });
  const bytes = Buffer.concat([selector === null ? Buffer.alloc(0) : Buffer.from([selector]), Buffer.from(body)]);
  const name = crypto.createHash('sha1').update(bytes).digest('hex');
  fs.writeFileSync(path.join(dir, name), bytes);
  written[target] = (written[target] || 0) + 1;
}

function walk(dir, ext, found = []) {
  if (!fs.existsSync(dir)) return found;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, ext, found);
    else if (p.endsWith(ext)) found.push(p);
  }
  return found;
}

// Frames and query strings from the transcripts.
for (const file of references.flatMap((d) => walk(d, '.jsonl'))) {
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let r;
    try { r = JSON.parse(line); } catch { continue; }
    if (typeof r.raw === 'string') {
      seed('frame', 0, r.raw);
      try {
        const m = JSON.parse(r.raw);
        const value = m && m[4] && m[4].value;
        if (typeof value === 'string') seed('form_params', null, value);
      } catch { /* not JSON: still a seed */ }
    }
    if (r.binary && r.header) {
      const h = r.header;
      const parts = [h.join_ref || '', h.ref || '', h.topic || '', h.event || ''].map((s) => Buffer.from(s));
      seed('frame', 1, Buffer.concat([Buffer.from([0, ...parts.map((p) => p.length)]), ...parts,
        Buffer.alloc(r.payload_bytes || 8, 0x61)]));
    }
    if (typeof r.url === 'string' && r.url.includes('?')) seed('form_params', null, r.url.split('?')[1]);
  }
}

// Templates, the expressions inside their braces and their :for generators.
const templates = [path.join(repo, 'resources', 'templates'), path.join(repo, 'liveview-engine', 'resources', 'templates')]
  .flatMap((d) => walk(d, '.heex'));
for (const file of templates) {
  const text = fs.readFileSync(file, 'utf8');
  seed('template', null, text);
  for (const m of text.matchAll(/\{([^{}]+)\}/g)) {
    const generator = m[1].match(/^\s*(\w+|\{\s*\w+\s*,\s*\w+\s*\})\s*<-/);
    seed('expression', generator ? 1 : 0, m[1]);
  }
}
for (const e of ['@count + 1 * (2 - @n) / 3', 'if(@flag, "a" <> @s, upcase(@s))', 'length(@list) >= 2 && not @zero',
  'join(@list, ", ")', '@map.a.b', '@list[1]', 'raw("<b>")', 'to_string(@big + 1)', '-@big / 0', '"\\u00e9\\""']) {
  seed('expression', 0, e);
}

// Tokens and cookies: forged ones as they come (0, 1), claims under a valid signature (2), CSRF (3).
seed('token', 0, 'v1.eyJwdXIiOiJzZXNzaW9uIn0.AAAA');
seed('token', 1, '_liveview_session=v1.e30.AAAA; __phoenix_flash__=v1.e30.BBBB; other=1');
for (const claims of [{ pur: 'session', exp: 4102444800 }, { pur: 'session', exp: 1e300 }, { pur: 'browser-session', exp: 4102444800, sid: 'abc', csrf: 'AAAA' },
  { pur: 'session', exp: -1e300 }, { pur: 'flash', exp: 4102444800, flash: { info: 'x' } }]) {
  seed('token', 2, JSON.stringify(claims));
}
seed('token', 3, crypto.randomBytes(64).toString('base64url'));

// Cluster messages (1: a broadcast envelope, 0: presence).
seed('cluster_message', 1, '{"v":1,"node":"a","msg":{"id":"a-1","room":"chat:lobby","body":"hi"}}');
seed('cluster_message', 1, '{"v":1,"node":"a","msg":[1,2.5,null,true,"x",{"k":[]}]}');
const entry = '{"topic":"t","key":"k","meta":{"phx_ref":"r","online_at":1}}';
for (const p of [`{"v":1,"node":"a","type":"heartbeat","seq":3,"status":{"sessions":2,"url":"http://x"}}`,
  `{"v":1,"node":"a","type":"delta","seq":4,"joins":[${entry}],"leaves":[${entry}]}`,
  `{"v":1,"node":"a","type":"state","seq":1e300,"joins":[${entry},${entry}]}`,
  '{"v":1,"node":"a","type":"sync","seq":0,"to":"b"}']) {
  seed('cluster_message', 0, p);
}

// Request heads as browsers and attackers send them (the first byte sets the piece size).
for (const r of ['GET / HTTP/1.1\r\nHost: x\r\nCookie: a=b\r\n\r\n',
  'POST /form HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhelloGET /next HTTP/1.1\r\n\r\n',
  'POST /upload HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n0\r\nTrailer: x\r\n\r\n',
  'GET /live/websocket?vsn=2.0.0 HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n',
  'GET / HTTP/1.0\r\n\r\nGET /never HTTP/1.1\r\n\r\n',
  'GET / HTTP/1.1\r\nConnection: keep-alive, close\r\n\r\n',
  'POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n',
  'POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n']) {
  seed('request_head', 7, r);
}

// WebSocket upgrade heads (selector 0) and client frames (selector: piece size), masked as
// browsers send them: whole, fragmented with a ping between, a close with its code.
const masked = (opcode, payload, fin = true) => {
  const body = Buffer.from(payload);
  const key = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);
  const len = body.length < 126 ? Buffer.from([0x80 | body.length])
    : Buffer.from([0x80 | 126, body.length >> 8, body.length & 0xff]);
  return Buffer.concat([Buffer.from([(fin ? 0x80 : 0) | opcode]), len, key,
    Buffer.from(body.map((b, i) => b ^ key[i % 4]))]);
};
for (const h of ['GET /live/websocket?_csrf_token=a%2Bb&vsn=2.0.0 HTTP/1.1\r\nHost: 127.0.0.1:4000\r\n' +
  'Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n' +
  'Sec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:4000\r\nCookie: a=b\r\nCookie: c=d\r\nUser-Agent: x\r\n',
'GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 8\r\n']) {
  seed('websocket', 0, h);
}
const join = '["4","4","lv:phx-F1","phx_join",{"url":"http://x/","params":{},"session":"s"}]';
seed('websocket', 64, masked(1, join));
seed('websocket', 3, Buffer.concat([masked(1, join.slice(0, 20), false), masked(9, 'ping'),
  masked(0, join.slice(20), false), masked(0, '')]));
seed('websocket', 5, Buffer.concat([masked(2, Buffer.alloc(300, 7)), masked(10, '123'),
  masked(8, Buffer.from([0x03, 0xe8, 0x62, 0x79, 0x65]))]));

for (const [t, n] of Object.entries(written)) console.log(`${t}: ${n} seeds`);

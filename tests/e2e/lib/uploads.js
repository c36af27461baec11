// Helpers for upload tests and the upload benchmark: big files on disk, their SHA-256, and a
// server process's CPU time and resident memory from /proc.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');

// A file of `megabytes` MiB whose every MiB is different (random), so that a misplaced slice
// cannot go unnoticed in the hash.
function writeRandomFile(file, megabytes) {
  const fd = fs.openSync(file, 'w');
  try {
    for (let i = 0; i < megabytes; i++) fs.writeSync(fd, crypto.randomBytes(1024 * 1024));
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

async function sha256(file) {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) hash.update(chunk);
  return hash.digest('hex');
}

// Resident memory now (VmRSS) and at its peak so far (VmHWM), in bytes.
function memoryOf(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number((status.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm')) || [0, 0])[1]) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

// User plus system CPU time of the process so far, in seconds.
function cpuSecondsOf(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command.
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

// Samples VmRSS every `intervalMs` until stop() is called; stop() returns the peak seen.
function sampleRss(pid, intervalMs = 50) {
  let peak = memoryOf(pid).rss;
  const timer = setInterval(() => {
    try { peak = Math.max(peak, memoryOf(pid).rss); } catch { /* the process is gone */ }
  }, intervalMs);
  return { stop() { clearInterval(timer); try { peak = Math.max(peak, memoryOf(pid).rss); } catch { } return peak; } };
}

module.exports = { writeRandomFile, sha256, memoryOf, cpuSecondsOf, sampleRss };

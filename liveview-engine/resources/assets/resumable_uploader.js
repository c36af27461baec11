// The LiveViewResumable uploader for LiveView's external-upload contract (registered by the
// engine's liveview_boot.js, or an application's own page script, through the client's own `uploaders` option). A server that answers an entry's preflight with
// {uploader: "LiveViewResumable", id, url, chunk_size} gets the file at `url` in appends: HEAD
// tells how many bytes the server holds, each PATCH sends the next slice from there. A dropped
// connection or a server restart costs at most the slice in flight: the uploader retries with
// back-off and continues from the server's offset. When the view itself is lost (its socket
// dropped, the server restarted) the bytes keep flowing, and once the view is back the file is
// offered to it again; the server recognises it (same browser session, name, size, date) and
// the new entry resumes the same stored upload.
(function () {
  "use strict";
  const DEFAULT_SLICE_BYTES = 8 * 1024 * 1024;
  const FIRST_RETRY_MS = 250;
  const MAX_RETRY_MS = 4000;
  const VIEW_POLL_MS = 200;

  // What this page sent, for tests and the benchmark: every slice counts whole when it is sent,
  // so `sentBytes` is an upper bound of what crossed the network.
  const stats = { sentBytes: 0, appends: 0, retries: 0, offsetQueries: 0 };
  // One job per stored upload in this page: a later LiveView entry for the same stored upload
  // (the view rejoined and was offered the file again) takes over the job's reporting.
  const jobs = new Map();

  class UploadError extends Error {
    constructor(message, { retry = true, status = 0, offset = null } = {}) {
      super(message);
      this.retry = retry;
      this.status = status;
      this.offset = offset;
    }
  }

  function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  function offsetOf(xhr) {
    const value = xhr.getResponseHeader("Upload-Offset");
    return value === null ? null : Number(value);
  }

  // Statuses after which trying again cannot help: the URL is bad or expired, the upload is
  // gone, or the server refuses its size.
  function isFinal(status) {
    return status === 400 || status === 403 || status === 404 || status === 410 ||
      status === 411 || status === 413;
  }

  function request(method, url, { headers = {}, body = null, onProgress = null, onStart = null } = {}) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(method, url);
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      if (onProgress) xhr.upload.onprogress = (e) => onProgress(e.loaded);
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          resolve(xhr);
          return;
        }
        reject(new UploadError(`${method} answered ${xhr.status}`, {
          retry: !isFinal(xhr.status), status: xhr.status, offset: offsetOf(xhr),
        }));
      };
      xhr.onerror = () => reject(new UploadError(`${method} failed: no connection`));
      xhr.onabort = () => reject(new UploadError(`${method} aborted`, { retry: false }));
      if (onStart) onStart(xhr);
      xhr.send(body);
    });
  }

  class ResumableJob {
    constructor(entry) {
      this.id = entry.meta.id || entry.meta.url;
      this.url = entry.meta.url;
      this.sliceBytes = entry.meta.chunk_size || DEFAULT_SLICE_BYTES;
      this.file = entry.file;
      // Where to offer the file again after the view is lost (the input's id is its upload
      // ref, which a remounted view renews; the form's id and the input's name stay).
      this.formId = entry.fileEl.form ? entry.fileEl.form.id : null;
      this.inputName = entry.fileEl.name;
      this.entry = null;
      this.offset = null; // the server's, as last heard
      this.sent = 0; // bytes the server holds or is receiving now
      this.xhr = null;
      this.finished = false;
      this.stopped = false;
    }

    // Reports to `entry` from now on; `onViewError` says when its view is lost.
    attach(entry, onViewError) {
      this.entry = entry;
      entry.onCancel(() => this.cancelledBy(entry));
      onViewError(() => this.viewLost(entry));
      if (this.finished) this.complete();
      else this.report();
    }

    report() {
      if (!this.entry || this.file.size === 0) return;
      // 100 marks the entry done on the server: only once the server holds every byte.
      this.entry.progress(Math.min(99, Math.floor((100 * this.sent) / this.file.size)));
    }

    complete() {
      this.finished = true;
      if (!this.entry) return; // told to the entry that the returning view makes
      this.entry.progress(100);
      jobs.delete(this.id);
    }

    cancelledBy(entry) {
      // A stale entry of a lost view is dropped when the view comes back: not a cancel.
      if (entry !== this.entry || this.finished) return;
      this.stopped = true;
      jobs.delete(this.id);
      if (this.xhr) this.xhr.abort();
      // The user cancelled: the server may drop the stored bytes now rather than at expiry.
      request("DELETE", this.url).catch(() => {});
    }

    viewLost(entry) {
      if (entry !== this.entry) return;
      this.entry = null; // its view is gone: a progress push now could reach a remounted view
      this.offerAgainWhenViewReturns();
    }

    async offerAgainWhenViewReturns() {
      while (!this.stopped) {
        await sleep(VIEW_POLL_MS);
        if (this.entry) return; // attached meanwhile (the user chose the file again)
        const form = this.formId && document.getElementById(this.formId);
        const input = form && Array.from(form.querySelectorAll("input[type=file]"))
          .find((el) => el.name === this.inputName);
        const view = input && input.closest("[data-phx-session]");
        if (!view || !view.classList.contains("phx-connected") ||
            !input.hasAttribute("data-phx-upload-ref")) continue;
        // A new File over the same bytes: the client's file refs live on File objects, and the
        // old one's ref belongs to the lost view.
        const again = new File([this.file], this.file.name,
          { type: this.file.type, lastModified: this.file.lastModified });
        input.dispatchEvent(new CustomEvent("track-uploads",
          { bubbles: true, detail: { files: [again] } }));
        return;
      }
    }

    fail(error) {
      this.stopped = true;
      jobs.delete(this.id);
      console.error(`resumable upload of ${this.file.name}: ${error.message}`);
      if (this.entry) this.entry.error(error.status ? `http_${error.status}` : "failed");
    }

    async queryOffset() {
      stats.offsetQueries++;
      const xhr = await request("HEAD", this.url);
      return offsetOf(xhr);
    }

    async appendFrom(offset) {
      const end = Math.min(offset + this.sliceBytes, this.file.size);
      stats.sentBytes += end - offset;
      stats.appends++;
      const xhr = await request("PATCH", this.url, {
        headers: { "Upload-Offset": String(offset) },
        body: this.file.slice(offset, end),
        onStart: (x) => { this.xhr = x; },
        onProgress: (loaded) => { this.sent = offset + loaded; this.report(); },
      });
      this.xhr = null;
      return offsetOf(xhr);
    }

    async run() {
      let retryMs = FIRST_RETRY_MS;
      while (!this.stopped) {
        try {
          if (this.offset === null) this.offset = await this.queryOffset();
          this.sent = this.offset;
          this.report();
          if (this.offset >= this.file.size) {
            this.complete();
            return;
          }
          this.offset = await this.appendFrom(this.offset);
          retryMs = FIRST_RETRY_MS;
        } catch (error) {
          this.xhr = null;
          if (this.stopped) return;
          if (!error.retry) {
            this.fail(error);
            return;
          }
          // The server's offset is the truth after any failure: a 409 carries it, otherwise
          // ask again once the server answers.
          const conflict = error.status === 409 && error.offset !== null;
          this.offset = conflict ? error.offset : null;
          stats.retries++;
          // A conflict (another append still closing, a stale offset) clears up at once.
          await sleep(conflict ? FIRST_RETRY_MS : retryMs);
          if (!conflict) retryMs = Math.min(2 * retryMs, MAX_RETRY_MS);
        }
      }
    }
  }

  // The uploader itself: LiveView calls it with the entries whose meta names it.
  function uploader(entries, onViewError) {
    for (const entry of entries) {
      const id = entry.meta.id || entry.meta.url;
      let job = jobs.get(id);
      const fresh = !job;
      if (fresh) {
        job = new ResumableJob(entry);
        jobs.set(id, job);
      }
      job.attach(entry, onViewError);
      if (fresh) job.run();
    }
  }

  window.LiveViewResumableUploads = { uploader, stats };
})();

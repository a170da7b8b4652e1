// Turns the DevTools protocol's Network and Page events of a real Chromium into a HAR 1.2 file
// with sitespeed.io's chrome-har (the conversion Browsertime and sitespeed.io use).
//
// Usage: node har.mjs <events.json> <out.har> [<chrome-har-as-is.har>]
// events.json: a JSON array of {"method": "Network.requestWillBeSent", "params": {...}}, e.g. the
// "message" objects of chromedriver's performance log (goog:loggingPrefs {performance: ALL}).
//
// chrome-har 1.3.1 writes a JSON or form body as postData.params only (no text), and a body that
// is not UTF-8 as Chromium's lossy postData string. Both lose the bytes sent, so the request's
// exact body is put back as postData.text from Chromium's own postDataEntries (base64 with
// "encoding": "base64" when it is not UTF-8 text), as DevTools' "Save all as HAR" keeps it.
//
// Chromium may send a request's Network.requestWillBeSentExtraInfo (the headers as sent on the
// wire: Cookie, Accept, Origin...) before its Network.requestWillBeSent; chrome-har 1.3.1 then
// drops them. Such early events are moved to just after the request they belong to.
import { readFileSync, writeFileSync } from 'node:fs';
import { harFromMessages } from 'chrome-har';

const [eventsFile, out, asIs] = process.argv.slice(2);
if (!eventsFile || !out) {
  console.error('usage: node har.mjs <events.json> <out.har> [<chrome-har-as-is.har>]');
  process.exit(2);
}
const events = inOrder(JSON.parse(readFileSync(eventsFile, 'utf8')));
const har = harFromMessages(events, { includeResourcesFromDiskCache: true });
if (asIs) {
  writeFileSync(asIs, JSON.stringify(har, null, 2) + '\n');
}

/** The events, each early requestWillBeSentExtraInfo moved after its requestWillBeSent. */
function inOrder(events) {
  const sentCount = new Map();
  const extraCount = new Map();
  const early = new Map();
  const ordered = [];
  for (const event of events) {
    const id = event.params?.requestId;
    if (event.method === 'Network.requestWillBeSentExtraInfo') {
      const n = (extraCount.get(id) ?? 0) + 1;
      extraCount.set(id, n);
      if (n > (sentCount.get(id) ?? 0)) {
        early.set(id, [...(early.get(id) ?? []), event]);
        continue;
      }
    }
    ordered.push(event);
    if (event.method === 'Network.requestWillBeSent') {
      sentCount.set(id, (sentCount.get(id) ?? 0) + 1);
      const waiting = early.get(id) ?? [];
      if (waiting.length > 0) {
        ordered.push(waiting.shift());
      }
    }
  }
  return ordered;
}

const sent = new Map();
for (const { method, params } of events) {
  if (method === 'Network.requestWillBeSent' && params.request.postDataEntries) {
    sent.set(params.requestId, Buffer.concat(
      params.request.postDataEntries.map(e => Buffer.from(e.bytes ?? '', 'base64'))));
  }
}
let restored = 0;
for (const entry of har.log.entries) {
  const bytes = sent.get(entry._requestId);
  if (!bytes || bytes.length === 0) {
    continue;
  }
  const postData = entry.request.postData ?? { mimeType: '' };
  try {
    postData.text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    delete postData.encoding;
  } catch {
    postData.text = bytes.toString('base64');
    postData.encoding = 'base64';
  }
  entry.request.postData = postData;
  restored++;
}
writeFileSync(out, JSON.stringify(har, null, 2) + '\n');
console.log(`${har.log.entries.length} entries written to ${out} (${restored} bodies restored)`);

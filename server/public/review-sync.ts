/**
 * Keeps messages/public/review/{zh,bo,en}.json in step with the message files: every key gets an entry
 * { reviewed, note }; existing entries are kept as a translator left them; keys gone from the messages are
 * dropped. A translator reviews a string by setting "reviewed": true (and may leave a note).
 * Run: node --import tsx server/public/review-sync.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { flattenMessages } from './messages-flat.ts';

export interface ReviewEntry {
  reviewed: boolean;
  note?: string;
}

const dir = fileURLToPath(new URL('../../messages/public/', import.meta.url));

function sync(locale: string) {
  const messages = flattenMessages(JSON.parse(readFileSync(`${dir}${locale}.json`, 'utf8')));
  const file = `${dir}review/${locale}.json`;
  let old: Record<string, ReviewEntry> = {};
  try {
    old = JSON.parse(readFileSync(file, 'utf8'));
  } catch {}
  const out: Record<string, ReviewEntry> = {};
  for (const key of Object.keys(messages)) out[key] = old[key] ?? { reviewed: false, note: '' };
  writeFileSync(file, JSON.stringify(out, null, 2) + '\n');
  return Object.keys(out).length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const l of ['zh', 'bo', 'en']) console.log(l, sync(l), 'keys');
}

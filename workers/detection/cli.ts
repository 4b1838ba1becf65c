/**
 * Replay shell: stream an NDJSON replay (one MQTT message per line) through the detection core and
 * write alarm records as NDJSON. Deterministic (sample time only), line by line (inputs may be GBs),
 * bad lines counted and reported on stderr, never fatal.
 *
 *   npm run detect -- --registry circuits.json --input stream.ndjson --output alarms.ndjson [--overrides o.json]
 *   (--input - / --output - for stdin / stdout)
 */
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { commandSchema, deviceEventSchema, parseTopic, registryFileSchema, replayLineSchema, statusSchema, telemetrySchema } from '../../lib/protocol/v1.ts';
import { Engine, overridesSchema } from '../../lib/detection/index.ts';
import { Latch } from '../../lib/domain/alarm-latching.ts';

// a recorded `cmd` self_test tells detection the detector's test current is coming (cmd/ack carries nothing)
const SCHEMAS = { telemetry: telemetrySchema, status: statusSchema, event: deviceEventSchema, cmd: commandSchema } as const;
const MAX_REPORTED = 10;

function fail(msg: string): never {
  process.stderr.write(`detect: ${msg}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { registry: { type: 'string' }, input: { type: 'string' }, output: { type: 'string' }, overrides: { type: 'string' } },
  });
  if (!values.registry || !values.input || !values.output) fail('usage: --registry R.json --input S.ndjson --output A.ndjson [--overrides O.json]');
  const reg = registryFileSchema.safeParse(JSON.parse(readFileSync(values.registry, 'utf8')));
  if (!reg.success) fail(`invalid registry: ${reg.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const ov = values.overrides ? overridesSchema.safeParse(JSON.parse(readFileSync(values.overrides, 'utf8'))) : undefined;
  if (ov && !ov.success) fail(`invalid overrides: ${ov.error.issues[0]?.message}`);
  const engine = new Engine(reg.data, ov?.data);
  // 报警/危急 hold until reset, which nobody makes in a replay: their records gain recoveredAt, never clearedAt
  const latch = new Latch();

  const input = values.input === '-' ? process.stdin : createReadStream(values.input);
  const output = values.output === '-' ? process.stdout : createWriteStream(values.output);
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNo = 0, bad = 0, ignored = 0, alarms = 0;
  const badKinds = new Map<string, number>();
  const badLine = (why: string) => {
    bad++;
    badKinds.set(why.split(':')[0], (badKinds.get(why.split(':')[0]) ?? 0) + 1);
    if (bad <= MAX_REPORTED) process.stderr.write(`detect: line ${lineNo}: ${why}\n`);
  };
  const started = process.hrtime.bigint(); // reporting only; never reaches the core

  for await (const line of lines) {
    lineNo++;
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      badLine('json: not valid JSON');
      continue;
    }
    const rl = replayLineSchema.safeParse(raw);
    if (!rl.success) { badLine('shape: expected {topic, payload}'); continue; }
    const topic = parseTopic(rl.data.topic);
    if (!topic) { badLine(`topic: not a v1 topic (${rl.data.topic.slice(0, 80)})`); continue; }
    const schema = SCHEMAS[topic.kind as keyof typeof SCHEMAS];
    if (!schema) { ignored++; continue; } // cmd/ack carries no readings
    const p = schema.safeParse(rl.data.payload);
    if (!p.success) {
      const i = p.error.issues[0];
      badLine(`schema: ${topic.kind} ${i ? `${i.path.join('.')}: ${i.message}` : ''}`);
      continue;
    }
    const recs = engine.ingest(rl.data.topic, p.data);
    for (const r of recs) {
      alarms++;
      if (!output.write(JSON.stringify(latch.apply(r)) + '\n')) await once(output, 'drain');
    }
  }
  if (output !== process.stdout) {
    output.end();
    await once(output, 'finish');
  }
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  const st = engine.stats;
  process.stderr.write(
    `detect: ${lineNo} lines, ${st.messages} messages, ${st.channelSamples} channel samples, ${alarms} alarm records, ` +
      `${bad} bad lines${bad ? ` (${[...badKinds].map(([k, n]) => `${k} ${n}`).join(', ')})` : ''}, ${ignored} ignored, ` +
      `${st.unknownDevice} unknown-device, ${st.unknownChannel} unknown-channel, ${st.stale} stale, ${st.topicMismatch} topic-mismatch; ` +
      `${secs.toFixed(2)} s\n`,
  );
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));

/** The broker's rules (platform/mqtt-auth/acl.ts) and secret hashing, without a broker. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIM_CONTROL_TOPIC } from '../../../lib/events/sim-control.ts';
import { canPublish, canSubscribe, clientIdAllowed, type Principal } from '../../../platform/mqtt-auth/acl.ts';
import { hashSecret, newSecret, verifySecret } from '../../../platform/mqtt-auth/hash.ts';
import { mosquittoFiles } from '../../../platform/mqtt-auth/mosquitto-files.ts';
import { FloodGuard } from '../../../platform/mqtt-auth/refusals.ts';
import { checkService, serviceCredential } from '../../../platform/mqtt-auth/services.ts';

const dev: Principal = { kind: 'device', username: 'D1', device: 'D1', site: 'S1' };
const gw: Principal = { kind: 'gateway', username: 'gw.g', sites: new Set(['S1', 'S2']) };
const svc = (role: 'ingest' | 'portal' | 'simctl'): Principal => ({ kind: 'service', username: `esms-${role}`, role });

describe('device and gateway topics', () => {
  it('a device publishes its own uplink only, never a command', () => {
    for (const leaf of ['telemetry', 'event', 'status', 'cmd/ack']) expect(canPublish(dev, `esms/v1/S1/D1/${leaf}`)).toBe(true);
    expect(canPublish(dev, 'esms/v1/S1/D1/cmd')).toBe(false);
    expect(canPublish(dev, 'esms/v1/S1/D2/telemetry')).toBe(false);
    expect(canPublish(dev, 'esms/v1/S2/D1/telemetry')).toBe(false);
    expect(canPublish(dev, 'esms/v1/S1/D1/telemetry/x')).toBe(false);
    expect(canPublish(dev, SIM_CONTROL_TOPIC)).toBe(false);
  });
  it('a device subscribes to its own command topic only, no wildcard', () => {
    expect(canSubscribe(dev, 'esms/v1/S1/D1/cmd')).toBe(true);
    for (const f of ['#', 'esms/v1/#', 'esms/v1/S1/+/cmd', 'esms/v1/S1/D2/cmd', 'esms/v1/S1/D1/telemetry', SIM_CONTROL_TOPIC, '$SYS/#']) expect(canSubscribe(dev, f)).toBe(false);
  });
  it('a gateway speaks for the devices of its sites only', () => {
    expect(canPublish(gw, 'esms/v1/S2/ANY/telemetry')).toBe(true);
    expect(canPublish(gw, 'esms/v1/S3/ANY/telemetry')).toBe(false);
    expect(canPublish(gw, 'esms/v1/S1/ANY/cmd')).toBe(false);
    expect(canSubscribe(gw, 'esms/v1/S1/X/cmd')).toBe(true);
    expect(canSubscribe(gw, 'esms/v1/S1/+/cmd')).toBe(false);
  });
});

describe('service accounts', () => {
  it('only the portal publishes commands and simulator control; only simctl reads control; ingest reads uplink', () => {
    expect(canPublish(svc('portal'), 'esms/v1/S1/D1/cmd')).toBe(true);
    expect(canPublish(svc('portal'), SIM_CONTROL_TOPIC)).toBe(true);
    expect(canPublish(svc('portal'), 'esms/v1/S1/D1/telemetry')).toBe(false);
    expect(canPublish(svc('ingest'), 'esms/v1/S1/D1/cmd')).toBe(false);
    expect(canSubscribe(svc('simctl'), SIM_CONTROL_TOPIC)).toBe(true);
    expect(canSubscribe(svc('ingest'), '$share/g1/esms/v1/+/+/telemetry')).toBe(true);
    expect(canSubscribe(svc('ingest'), SIM_CONTROL_TOPIC)).toBe(false);
    expect(canSubscribe(svc('portal'), '#')).toBe(false);
  });
  it('derived passwords check, wrong ones and missing keys do not', () => {
    const c = serviceCredential('k'.repeat(40), 'ingest');
    expect(checkService('k'.repeat(40), c.username, c.password)).toMatchObject({ kind: 'service', role: 'ingest' });
    expect(checkService('k'.repeat(40), c.username, 'x')).toBe('wrong');
    expect(checkService(undefined, c.username, c.password)).toBe('wrong');
    expect(checkService('k'.repeat(40), 'D1', 'x')).toBeNull();
  });
});

describe('client ids', () => {
  it("the ingest worker's id is the ingest account's alone; devices use their username", () => {
    expect(clientIdAllowed(svc('ingest'), 'esms-ingest', 'esms-ingest')).toBe(true);
    expect(clientIdAllowed(dev, 'esms-ingest', 'esms-ingest')).toBe(false);
    expect(clientIdAllowed(svc('portal'), 'esms-ingest', 'esms-ingest')).toBe(false);
    expect(clientIdAllowed(dev, 'D1', 'esms-ingest')).toBe(true);
    expect(clientIdAllowed(dev, 'D1-2', 'esms-ingest')).toBe(false);
    expect(clientIdAllowed(svc('portal'), 'esms-portal.1', 'esms-ingest')).toBe(true);
  });
});

describe('secrets', () => {
  it('verify, and are Mosquitto $7$ hashes that mosquitto_passwd would write', () => {
    const s = newSecret();
    const h = hashSecret(s);
    expect(h).toMatch(/^\$7\$101\$[A-Za-z0-9+/]{16}\$[A-Za-z0-9+/=]{88}$/);
    expect(verifySecret(s, h)).toBe(true);
    expect(verifySecret(`${s}x`, h)).toBe(false);
    expect(verifySecret(s, 'garbage')).toBe(false);
  });
  it.runIf(existsSync('/usr/bin/mosquitto_passwd'))('accepts a hash written by mosquitto_passwd', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'esms-pw-'));
    try {
      execFileSync('/usr/bin/mosquitto_passwd', ['-c', '-b', path.join(dir, 'pw'), 'u', 'p4ss']);
      const line = readFileSync(path.join(dir, 'pw'), 'utf8').trim();
      expect(verifySecret('p4ss', line.slice(2))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('mosquitto files and the flood guard', () => {
  it('writes one user block per credential, devices on their own prefix', () => {
    const f = mosquittoFiles([{ username: 'D1', kind: 'device', device_id: 'D1', site_id: 'S1', sites: [], password_hash: '$7$101$a$b', revoked: false }], 'k'.repeat(40));
    expect(f.passwd).toContain('D1:$7$101$a$b');
    expect(f.passwd).toContain('esms-ingest:$7$');
    expect(f.acl).toContain('user D1\ntopic write esms/v1/S1/D1/telemetry');
    expect(f.acl).toContain('topic read esms/v1/S1/D1/cmd');
    expect(f.acl).not.toMatch(/user D1[\s\S]*topic write esms\/v1\/S1\/D1\/cmd\n/);
  });
  it('blocks after too many refusals in the window, then forgets', () => {
    const g = new FloodGuard(3, 1000);
    for (let i = 0; i < 4; i++) g.refused('a', 0);
    expect(g.blocked('a', 10)).toBe(true);
    expect(g.blocked('b', 10)).toBe(false);
    expect(g.blocked('a', 2000)).toBe(false);
  });
});

/**
 * The registry as Mosquitto's password_file and acl_file, the same rules as acl.ts. Registry hashes are already
 * in Mosquitto's $7$ format and go in as they are; service accounts get a fresh hash of their derived password.
 * With `use_username_as_clientid true` (mosquitto.conf) a session is named by its username, so nobody without a
 * credential's secret can take over its session, the ingest worker's included.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SIM_CONTROL_TOPIC } from '../../lib/events/sim-control.ts';
import { SERVICE_ACCOUNTS } from './acl.ts';
import { hashSecret, servicePassword } from './hash.ts';
import type { CredentialRow } from './registry.ts';

const UPLINK = ['telemetry', 'event', 'status', 'cmd/ack'];

export function mosquittoFiles(rows: CredentialRow[], serviceKey: string): { passwd: string; acl: string } {
  const pw: string[] = [];
  const acl: string[] = [];
  for (const username of Object.values(SERVICE_ACCOUNTS)) pw.push(`${username}:${hashSecret(servicePassword(serviceKey, username))}`);
  acl.push(
    `user ${SERVICE_ACCOUNTS.ingest}`,
    'topic read esms/v1/#',
    'topic read $share/+/esms/v1/#',
    '',
    `user ${SERVICE_ACCOUNTS.portal}`,
    `topic write ${SIM_CONTROL_TOPIC}`,
    'topic write esms/v1/+/+/cmd',
    '',
    `user ${SERVICE_ACCOUNTS.simctl}`,
    `topic read ${SIM_CONTROL_TOPIC}`,
    '',
  );
  for (const r of rows) {
    pw.push(`${r.username}:${r.password_hash}`);
    acl.push(`user ${r.username}`);
    const scopes = r.kind === 'device' ? [`esms/v1/${r.site_id}/${r.device_id}`] : r.sites.map((s) => `esms/v1/${s}/+`);
    for (const base of scopes) {
      for (const leaf of UPLINK) acl.push(`topic write ${base}/${leaf}`);
      acl.push(`topic read ${base}/cmd`);
    }
    acl.push('');
  }
  return { passwd: pw.join('\n') + '\n', acl: acl.join('\n') };
}

/** The conf lines that switch a Mosquitto listener to these files. */
export function mosquittoAuthConf(dir: string): string[] {
  return [
    'allow_anonymous false',
    `password_file ${path.join(dir, 'password_file')}`,
    `acl_file ${path.join(dir, 'acl_file')}`,
    'use_username_as_clientid true',
  ];
}

/** Written beside and renamed into place, so Mosquitto never reads half a file. */
export function writeMosquittoFiles(dir: string, files: { passwd: string; acl: string }): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of [['password_file', files.passwd], ['acl_file', files.acl]] as const) {
    const tmp = path.join(dir, `.${name}.${process.pid}`);
    writeFileSync(tmp, text, { mode: 0o644 }); // Mosquitto drops privileges to its own user: it must read them
    renameSync(tmp, path.join(dir, name));
  }
}

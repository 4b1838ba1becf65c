/**
 * npm run -s device -- <command>: broker credentials of devices and site gateways (platform/mqtt-auth).
 * Uses DATABASE_URL, else the project-local cluster of a running `npm start` (PG_PORT). A secret is printed
 * once, as one JSON line {"username","password","clientId"}, and never stored: only its hash is.
 */
import { parseArgs } from 'node:util';
import { createSql } from '../../platform/db.ts';
import { env } from '../../platform/env.ts';
import { mosquittoFiles, writeMosquittoFiles } from '../../platform/mqtt-auth/mosquitto-files.ts';
import {
  activeCredentials,
  CredentialError,
  issueDeviceCredential,
  issueGatewayCredential,
  listCredentials,
  revokeCredential,
  rotateCredential,
} from '../../platform/mqtt-auth/registry.ts';

const USAGE = `usage: npm run -s device -- <command>
  issue-credentials <device-id>          new credential for a registered device (once; then rotate)
  issue-gateway <name> <site-id>…        credential gw.<name> for a site gateway speaking for its sites' devices
  rotate <username>                      new secret; sessions using the old one are dropped
  revoke <username>                      revoked at once: the broker drops the connection
  list                                   credentials and their state (no secrets)
  mosquitto-files <dir>                  write password_file and acl_file for an external Mosquitto (needs MQTT_SERVICE_KEY)`;

const { positionals, values } = parseArgs({ allowPositionals: true, options: { note: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
const [cmd, ...args] = positionals;
if (values.help || !cmd) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const need = (n: number) => {
  if (args.length < n) {
    console.error(`device ${cmd}: missing argument\n\n${USAGE}`);
    process.exit(2);
  }
};

const dbUrl = env.DATABASE_URL ?? `postgres://postgres@127.0.0.1:${env.PG_PORT}/esms`;
const sql = createSql(dbUrl, { max: 1, app: 'esms-device-cli' });
const out = (v: unknown) => console.log(JSON.stringify(v));
try {
  switch (cmd) {
    case 'issue-credentials':
      need(1);
      out(await issueDeviceCredential(sql, args[0]!, values.note));
      break;
    case 'issue-gateway':
      need(2);
      out(await issueGatewayCredential(sql, args[0]!, args.slice(1), { note: values.note }));
      break;
    case 'rotate':
      need(1);
      out(await rotateCredential(sql, args[0]!));
      break;
    case 'revoke':
      need(1);
      await revokeCredential(sql, args[0]!);
      out({ username: args[0], revoked: true });
      break;
    case 'list':
      for (const r of await listCredentials(sql)) out(r);
      break;
    case 'mosquitto-files':
      need(1);
      if (!env.MQTT_SERVICE_KEY) throw new CredentialError('MQTT_SERVICE_KEY is not set: the service accounts would have no password');
      writeMosquittoFiles(args[0]!, mosquittoFiles(await activeCredentials(sql), env.MQTT_SERVICE_KEY));
      out({ dir: args[0], written: ['password_file', 'acl_file'] });
      break;
    default:
      console.error(`device: unknown command '${cmd}'\n\n${USAGE}`);
      process.exitCode = 2;
  }
} catch (e) {
  if ((e as { code?: string }).code === 'ECONNREFUSED') {
    console.error(`device ${cmd}: cannot reach the database at ${dbUrl.replace(/\/\/[^@]*@/, '//')} (is \`npm start\` running? set DATABASE_URL or PG_PORT)`);
  } else if (!(e instanceof CredentialError)) throw e;
  else console.error(`device ${cmd}: ${e.message}`);
  process.exitCode = 1;
} finally {
  await sql.end({ timeout: 2 });
}

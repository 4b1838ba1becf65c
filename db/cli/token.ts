/**
 * npm run -s token -- <username> [--name NAME] [--days N]
 * Issues a personal read-only API token for scripted GIS use (OGC API – Features, vector tiles). Audited like a
 * token made on the settings page. The token alone is printed on the last line of stdout.
 */
import { parseArgs } from 'node:util';
import { createSql } from '../../platform/db.ts';
import { env } from '../../platform/env.ts';
import { issueApiToken, MAX_TOKEN_DAYS } from '../../platform/api-tokens.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string', default: 'cli' }, days: { type: 'string', default: '30' }, help: { type: 'boolean', short: 'h', default: false } },
});
if (values.help || positionals.length !== 1) {
  console.error(`usage: token <username> [--name NAME] [--days 1..${MAX_TOKEN_DAYS}]   (needs DATABASE_URL)`);
  process.exit(values.help ? 0 : 2);
}
const days = Number(values.days);
if (!Number.isInteger(days) || days < 1 || days > MAX_TOKEN_DAYS) {
  console.error(`token: --days must be an integer 1..${MAX_TOKEN_DAYS}`);
  process.exit(2);
}
const name = values.name.trim().slice(0, 80) || 'cli';
if (!env.DATABASE_URL) {
  console.error('token: DATABASE_URL is not set');
  process.exit(2);
}
const sql = createSql(env.DATABASE_URL, { max: 1, app: 'esms-token' });
try {
  const [u] = await sql<{ id: number; username: string; disabled: boolean }[]>`SELECT id, username, disabled FROM users WHERE username = ${positionals[0]}`;
  if (!u || u.disabled) {
    console.error(`token: no enabled user ${positionals[0]}`);
    process.exitCode = 1;
  } else {
    const t = await issueApiToken(sql, u.id, name, days);
    await sql`INSERT INTO audit_log (user_id, username, action, target, detail)
              VALUES (${u.id}, ${u.username}, 'api_token.create', ${String(t.id)}, ${sql.json({ name, expiresAt: t.expiresAt.toISOString(), via: 'cli' })})`;
    console.error(`token: issued "${name}" for ${u.username}, expires ${t.expiresAt.toISOString()}`);
    console.log(t.token);
  }
} catch (err) {
  console.error('token failed:', err);
  process.exitCode = 1;
} finally {
  await sql.end();
}

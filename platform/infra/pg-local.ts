/**
 * A project-local PostgreSQL + PostGIS cluster (no docker, no system service). initdb refuses to run as root,
 * so as root the cluster belongs to the `postgres` OS user. Used by `npm start`, the tests and the benchmarks.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { env } from '../env.ts';

const BIN = env.PG_BIN;
const isRoot = process.getuid?.() === 0;

export interface LocalPg {
  url: string;
  port: number;
  dataDir: string;
  stop(): void;
}

function asPg(cmd: string, args: string[], opts: { quiet?: boolean } = {}) {
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  const r = spawnSync(file, argv, { encoding: 'utf8', stdio: opts.quiet ? 'pipe' : ['ignore', 'pipe', 'pipe'] });
  return r;
}

/** The postgres user must be able to reach the data folder; a clone under /root is not reachable, so fall back. */
export function resolveDataDir(preferred: string): string {
  const abs = path.resolve(preferred);
  if (!isRoot) return abs;
  const parent = path.dirname(abs);
  mkdirSync(parent, { recursive: true });
  const ok = spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-w', parent]).status === 0 ||
    spawnSync('runuser', ['-u', 'postgres', '--', 'test', '-x', parent]).status === 0;
  if (ok) return abs;
  const hash = createHash('sha1').update(abs).digest('hex').slice(0, 10);
  return `/var/tmp/esms-pg-${hash}`;
}

export function pgInstalled(): boolean {
  return existsSync(path.join(BIN, 'initdb')) && existsSync('/usr/share/postgresql/15/extension/postgis.control');
}

export function startLocalPostgres(opts: { dataDir: string; port: number; database?: string; tune?: boolean }): LocalPg {
  if (!pgInstalled()) throw new Error('PostgreSQL 15 + PostGIS are not installed (apt-get install postgresql-15-postgis-3)');
  const dataDir = resolveDataDir(opts.dataDir);
  const database = opts.database ?? 'esms';
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    mkdirSync(dataDir, { recursive: true });
    if (isRoot) execFileSync('chown', ['-R', 'postgres:postgres', dataDir]);
    execFileSync('chmod', ['700', dataDir]);
    const r = asPg(path.join(BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    if (r.status !== 0) throw new Error(`initdb failed: ${r.stderr}`);
  }
  // A stale server from a killed run may still hold the folder: stop it first.
  if (existsSync(path.join(dataDir, 'postmaster.pid'))) {
    asPg(path.join(BIN, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    if (existsSync(path.join(dataDir, 'postmaster.pid'))) rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
  }
  const settings = [
    `-p ${opts.port}`,
    '-k /tmp',
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    '-c shared_buffers=512MB',
    '-c max_wal_size=4GB',
    '-c checkpoint_timeout=15min',
    '-c wal_compression=on',
    '-c work_mem=32MB',
    '-c maintenance_work_mem=256MB',
    '-c max_locks_per_transaction=512', // many daily partitions
    '-c jit=off',
  ];
  const r = asPg(path.join(BIN, 'pg_ctl'), ['-D', dataDir, '-l', path.join(dataDir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '60', 'start']);
  if (r.status !== 0) {
    let log = '';
    try {
      log = readFileSync(path.join(dataDir, 'server.log'), 'utf8').slice(-2000);
    } catch {}
    throw new Error(`pg_ctl start failed: ${r.stderr}\n${log}`);
  }
  const psql = (sql: string, db = 'postgres') =>
    asPg(path.join(BIN, 'psql'), ['-h', '127.0.0.1', '-p', String(opts.port), '-U', 'postgres', '-d', db, '-tAc', sql]);
  const exists = psql(`SELECT 1 FROM pg_database WHERE datname = '${database}'`).stdout.trim() === '1';
  if (!exists) {
    const c = psql(`CREATE DATABASE ${database}`);
    if (c.status !== 0) throw new Error(`create database failed: ${c.stderr}`);
  }
  const ext = psql('CREATE EXTENSION IF NOT EXISTS postgis', database);
  if (ext.status !== 0) throw new Error(`CREATE EXTENSION postgis failed: ${ext.stderr}`);
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${opts.port}/${database}`,
    port: opts.port,
    dataDir,
    stop() {
      if (stopped) return;
      stopped = true;
      asPg(path.join(BIN, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
    },
  };
}

/** Remove a throwaway cluster completely (tests). */
export function destroyLocalPostgres(pg: LocalPg) {
  pg.stop();
  rmSync(pg.dataDir, { recursive: true, force: true });
}

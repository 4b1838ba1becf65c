/** Runs Debian's gdal-bin (ogrinfo, ogr2ogr) as a GIS client would, with the token in GDAL_HTTP_HEADERS. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function gdalEnv(token: string | null): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, GDAL_HTTP_TIMEOUT: '30', CPL_VSIL_CURL_CACHE_SIZE: '0', GDAL_HTTP_MAX_RETRY: '0' };
  delete e.GDAL_HTTP_HEADERS;
  if (token) e.GDAL_HTTP_HEADERS = `Authorization: Bearer ${token}`;
  return e;
}

export async function ogrinfo(args: string[], token: string | null): Promise<{ ok: boolean; out: string }> {
  try {
    const r = await run('ogrinfo', ['-ro', ...args], { env: gdalEnv(token), maxBuffer: 64 * 1024 * 1024 });
    return { ok: true, out: r.stdout + r.stderr };
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string };
    return { ok: false, out: (x.stdout ?? '') + (x.stderr ?? '') };
  }
}

export interface GeoJson {
  features: { id?: string | number; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
}

/** ogr2ogr -f GeoJSON of `src` (layer names after it); returns the parsed file. */
export async function ogr2geojson(src: string, layer: string, token: string | null, extra: string[] = []): Promise<GeoJson> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'esms-ogr-'));
  const out = path.join(dir, 'out.geojson');
  try {
    await run('ogr2ogr', ['-f', 'GeoJSON', out, src, layer, ...extra], { env: gdalEnv(token), maxBuffer: 64 * 1024 * 1024 });
    return JSON.parse(readFileSync(out, 'utf8')) as GeoJson;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const featureCount = (out: string) => Number(/Feature Count: (\d+)/.exec(out)?.[1] ?? NaN);

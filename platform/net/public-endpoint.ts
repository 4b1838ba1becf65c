/**
 * Is a URL a public https endpoint a server may call on a user's behalf (Web Push)? Push services are named hosts on
 * 443, so anything else is refused: IP literals (the URL parser has already normalised 0x7f.1, 2130706433 and
 * friends to dotted form), single-label names, loopback and local-only suffixes, credentials, other ports.
 * Names are not resolved here: the sender must still refuse private addresses at connect time.
 */
import { isIP } from 'node:net';

const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.intranet', '.lan', '.home', '.corp', '.home.arpa', '.test', '.invalid', '.example', '.onion', '.arpa'];

export function publicHttpsHost(raw: string): boolean {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:' || u.username || u.password || (u.port !== '' && u.port !== '443')) return false;
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  if (isIP(host.replace(/^\[|\]$/g, '')) !== 0) return false;
  if (!host.includes('.') || host === 'localhost') return false;
  if (!/^[a-z0-9.-]+$/.test(host) || host.split('.').some((l) => !l || l.length > 63 || l.startsWith('-') || l.endsWith('-'))) return false;
  // the last label of a public name is alphabetic (no numeric TLDs)
  if (!/^[a-z]{2,63}$|^xn--[a-z0-9-]+$/.test(host.slice(host.lastIndexOf('.') + 1))) return false;
  return !LOCAL_SUFFIXES.some((s) => `.${host}`.endsWith(s));
}

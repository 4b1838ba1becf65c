/** Page-level auth for server components: who is signed in, and where to send them. */
import 'server-only';
import { cookies } from 'next/headers';
import { principalFromToken, SESSION_COOKIE } from '../../server/auth/session.ts';
import type { Principal } from '../../platform/scope.ts';
import { services } from '../../server/services.ts';
import { LANG_COOKIE, parseLang, type Lang } from '../../lib/i18n/portal.ts';

export async function currentPrincipal(): Promise<Principal | null> {
  const jar = await cookies();
  return principalFromToken(services().sql, jar.get(SESSION_COOKIE)?.value);
}

export async function currentLang(): Promise<Lang> {
  return parseLang((await cookies()).get(LANG_COOKIE)?.value);
}

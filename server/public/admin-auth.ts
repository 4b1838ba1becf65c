/** For the staff pages of the public section: the signed-in principal with 'public.review', else to sign-in. */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { services } from '../services.ts';
import { principalFromToken, SESSION_COOKIE } from '../auth/session.ts';
import { can } from '../../lib/domain/permissions.ts';
import type { Principal } from '../../platform/scope.ts';

export async function requireReviewer(path: string): Promise<Principal> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  const p = await principalFromToken(services().sql, token);
  if (!p) redirect(`/login?next=${encodeURIComponent(path)}`);
  if (!can(p.role, 'public.review')) redirect('/');
  return p;
}

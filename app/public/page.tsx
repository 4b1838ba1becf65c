/** /public → the visitor's remembered language (cookie set by the language switch), else Chinese. */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { LOCALE_COOKIE, pickLocale } from '@/server/public/locales.ts';

export default async function PublicIndex() {
  const c = (await cookies()).get(LOCALE_COOKIE)?.value;
  redirect(`/public/${pickLocale(c, null)}`);
}

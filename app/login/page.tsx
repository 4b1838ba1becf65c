import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { currentLang, currentPrincipal } from '../_lib/server-session.ts';
import { safeNext } from '../_lib/safe-next.ts';
import { LoginForm } from './LoginForm.tsx';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: '登录 · 昌都市智慧式用电安全管理平台' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  if (await currentPrincipal()) redirect(next);
  return <LoginForm next={next} initialLang={await currentLang()} />;
}

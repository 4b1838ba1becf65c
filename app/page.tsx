import { redirect } from 'next/navigation';
import { currentPrincipal } from './_lib/server-session.ts';

export const dynamic = 'force-dynamic';

export default async function Home() {
  redirect((await currentPrincipal()) ? '/map' : '/login');
}

'use client';
/** Re-renders the first page when a notification arrives (coalesced), so the list never needs a manual reload. */
import { useEffect, useRef } from 'react';
import { useRouter } from 'next/navigation';
import { subscribeNotifications } from '../_components/alerts/bus.ts';

export function LiveRefresh({ kinds = ['alarm', 'escalation'] }: { kinds?: string[] }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () =>
      subscribeNotifications((n) => {
        if (!kinds.includes(n.kind) || timer.current) return;
        timer.current = setTimeout(() => {
          timer.current = null;
          router.refresh();
        }, 800);
      }),
    [router, kinds],
  );
  return null;
}

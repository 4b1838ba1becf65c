'use client';
/**
 * The current time, refreshed every `everyMs` (whole seconds, on the shared second tick) in the component that
 * shows it, not the whole screen.
 */
import { useEffect, useState } from 'react';
import { onSecond } from './lib/secondTick.ts';

export function useNow(everyMs: number): number {
  // 0 on the server and in the first client render: the clock must not make hydration differ
  const [now, setNow] = useState(0);
  useEffect(() => {
    setNow(Date.now());
    const every = Math.max(1, Math.round(everyMs / 1000));
    return onSecond((t) => {
      if (Math.floor(t / 1000) % every === 0) setNow(t);
    });
  }, [everyMs]);
  return now;
}

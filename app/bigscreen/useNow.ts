'use client';
/** The current time, refreshed every `everyMs` in the component that shows it (not the whole screen). */
import { useEffect, useState } from 'react';

export function useNow(everyMs: number): number {
  // 0 on the server and in the first client render: the clock must not make hydration differ
  const [now, setNow] = useState(0);
  useEffect(() => {
    setNow(Date.now());
    const h = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(h);
  }, [everyMs]);
  return now;
}

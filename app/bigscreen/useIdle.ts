'use client';
/**
 * Is anyone using the screen? Any pointer, wheel or key input marks it busy; after `idleMs` without input it
 * is idle: the screen may then fly to new alarms and tour the counties. Nobody's view is yanked while in use.
 * idleMs 0: never idle.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export function useIdle(idleMs: number) {
  const last = useRef(Date.now());
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const mark = () => {
      last.current = Date.now();
      setIdle(false);
    };
    if (idleMs <= 0) return setIdle(false);
    const evs = ['pointerdown', 'pointermove', 'wheel', 'keydown', 'touchstart'] as const;
    for (const e of evs) window.addEventListener(e, mark, { passive: true });
    const t = setInterval(() => setIdle(Date.now() - last.current >= idleMs), 1000);
    return () => {
      for (const e of evs) window.removeEventListener(e, mark);
      clearInterval(t);
    };
  }, [idleMs]);
  const isIdle = useCallback(() => idleMs > 0 && Date.now() - last.current >= idleMs, [idleMs]);
  return { idle, isIdle };
}

/** While idle, step through `n` stops every `everyMs` (the county tour); -1 when not touring. */
export function useTour(idle: boolean, n: number, everyMs: number) {
  const [i, setI] = useState(-1);
  useEffect(() => {
    if (!idle || n === 0) {
      setI(-1);
      return;
    }
    setI(0);
    const t = setInterval(() => setI((x) => (x + 1) % (n + 1)), everyMs);
    return () => clearInterval(t);
  }, [idle, n, everyMs]);
  return i;
}

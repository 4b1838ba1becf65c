'use client';
/** A numeral that rolls briefly to its new value (600 ms), formatted 1,234 / 万 / 86.6%. */
import { useEffect, useRef, useState } from 'react';

export function RollingNumber({ value, format, testId }: { value: number | null; format: (n: number) => string; testId?: string }) {
  const [shown, setShown] = useState(value);
  const from = useRef(value);
  useEffect(() => {
    if (value == null) return setShown(null);
    const start = from.current ?? value;
    from.current = value;
    if (start === value) return setShown(value);
    let raf = 0;
    const t0 = performance.now();
    const step = (t: number) => {
      const k = Math.min(1, (t - t0) / 600);
      const e = 1 - (1 - k) ** 3;
      setShown(k >= 1 ? value : start + (value - start) * e);
      if (k < 1) raf = requestAnimationFrame(step);
    };
    raf = requestAnimationFrame(step);
    return () => cancelAnimationFrame(raf);
  }, [value]);
  return (
    <span data-testid={testId} data-value={value ?? ''}>
      {shown == null ? '—' : format(shown)}
    </span>
  );
}

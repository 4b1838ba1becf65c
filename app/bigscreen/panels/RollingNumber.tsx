'use client';
/**
 * A numeral that slides briefly into its new value, formatted 1,234 / 万 / 86.6%. The slide is a compositor
 * animation (transform and opacity of a fresh element), not a value counted up frame by frame: one render per
 * change, so a refreshing panel never asks the main thread for a frame sixty times a second.
 */
import { useState } from 'react';
import s from './panels.module.css';

export function RollingNumber({ value, format, testId }: { value: number | null; format: (n: number) => string; testId?: string }) {
  const [last, setLast] = useState({ value, changed: false, down: false });
  // a new value: remember where it came from (adjusting state while rendering, as React recommends)
  if (last.value !== value)
    setLast({ value, changed: last.value != null, down: value != null && last.value != null && value < last.value });
  return (
    <span data-testid={testId} data-value={value ?? ''}>
      <span key={value ?? 'none'} className={last.changed ? s.roll : undefined} data-dir={last.down ? 'down' : 'up'}>
        {value == null ? '—' : format(value)}
      </span>
    </span>
  );
}

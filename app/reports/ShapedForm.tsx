'use client';
/**
 * The report form's <form>: on submit it leaves out what is not set (「全部」 is "") and the period fields another
 * kind would use, so the URL carries exactly the chosen report.
 */
import type { FormEvent, ReactNode } from 'react';

const KIND_FIELDS: Record<string, string[]> = { monthly: ['year', 'month'], quarterly: ['year', 'quarter'], annual: ['year'], phase: ['phase'] };
const PERIOD_FIELDS = ['year', 'month', 'quarter', 'phase'];

export function ShapedForm({ className, children }: { className?: string; children: ReactNode }) {
  function shape(e: FormEvent<HTMLFormElement>) {
    const f = e.currentTarget;
    const kind = (f.elements.namedItem('kind') as HTMLSelectElement | null)?.value ?? 'monthly';
    const keep = KIND_FIELDS[kind] ?? [];
    for (const el of Array.from(f.elements) as HTMLSelectElement[]) {
      if (!el.name) continue;
      const unused = PERIOD_FIELDS.includes(el.name) && !keep.includes(el.name);
      // disabled controls are not submitted; re-enabled after the navigation starts so Back shows them
      if (unused || el.value === '') {
        el.disabled = true;
        setTimeout(() => (el.disabled = false), 0);
      }
    }
  }
  return (
    <form className={className} method="get" action="/reports" data-testid="report-form" onSubmit={shape}>
      {children}
    </form>
  );
}

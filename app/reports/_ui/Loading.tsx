/** Skeleton shown while a slow server page renders (used by the loading.tsx files of this area). */
import g from './gov.module.css';

export function Loading({ label }: { label: string }) {
  return (
    <div style={{ padding: '24px 20px', maxWidth: 1720, margin: '0 auto' }} role="status" aria-live="polite">
      <div style={{ display: 'flex', alignItems: 'center', gap: 10, color: '#cfe0ff', marginBottom: 16 }}>
        <span className={g.spinner} aria-hidden="true" /> {label}
      </div>
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className={g.skeleton} style={{ width: `${90 - (i % 3) * 15}%` }} />
      ))}
    </div>
  );
}

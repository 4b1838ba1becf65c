/** Small pictures for the four audiences. Decorative (the heading says the same). */
export type Setting = 'home' | 'monastery' | 'school' | 'shop';

export function SettingIcon({ kind }: { kind: Setting }) {
  return (
    <svg width="48" height="48" viewBox="0 0 48 48" aria-hidden="true" focusable="false" style={{ float: 'right', marginLeft: 8 }}>
      <circle cx="24" cy="24" r="24" fill="#fdeccf" />
      {kind === 'home' && (
        <>
          <path d="M10 24 24 12l14 12v14H10z" fill="#0b5cad" />
          <rect x="20" y="28" width="8" height="10" fill="#fff" />
        </>
      )}
      {kind === 'monastery' && (
        <>
          {/* butter lamp: bowl on a stem, flame */}
          <path d="M24 10c4 5 3 9 0 11-3-2-4-6 0-11z" fill="#f2a900" />
          <path d="M14 23h20c0 5-4 8-10 8s-10-3-10-8z" fill="#c9a227" />
          <rect x="22" y="31" width="4" height="6" fill="#c9a227" />
          <rect x="16" y="37" width="16" height="3" rx="1.5" fill="#8c1d40" />
        </>
      )}
      {kind === 'school' && (
        <>
          {/* dormitory bed with a crossed-out heater */}
          <rect x="8" y="26" width="22" height="8" rx="2" fill="#0b5cad" />
          <rect x="8" y="22" width="7" height="6" rx="2" fill="#9fd3ff" />
          <path d="M8 34v4M30 34v4" stroke="#0b5cad" strokeWidth="3" />
          <rect x="32" y="16" width="10" height="14" rx="2" fill="#ff8a50" />
          <path d="M30 14l14 18" stroke="#b3261e" strokeWidth="3" strokeLinecap="round" />
        </>
      )}
      {kind === 'shop' && (
        <>
          <path d="M10 18h28l-2-6H12z" fill="#8c1d40" />
          <rect x="12" y="18" width="24" height="18" fill="#fff" stroke="#8c1d40" strokeWidth="2" />
          <rect x="16" y="24" width="8" height="12" fill="#0b5cad" />
          <rect x="27" y="23" width="6" height="6" fill="#9fd3ff" />
        </>
      )}
    </svg>
  );
}

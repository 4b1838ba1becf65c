/** Small vector icons (no emoji font is needed on the wall's PC). */
export function ClockIcon({ size = 16, colour = 'currentColor' }: { size?: number; colour?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden style={{ verticalAlign: '-2px' }}>
      <circle cx="8" cy="8" r="6.5" fill="none" stroke={colour} strokeWidth="1.6" />
      <path d="M8 4.2V8l2.6 1.6" fill="none" stroke={colour} strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

/** The section's mark: a shield with a lightning bolt. Decorative. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M16 2 4 7v8c0 7.5 5 13 12 15 7-2 12-7.5 12-15V7z" fill="#fff" />
      <path d="M17.5 6 10 18h5l-1.5 8L22 13h-5z" fill="#f2a900" stroke="#8c1d40" strokeWidth="1.2" strokeLinejoin="round" />
    </svg>
  );
}

/** Digest periods (pure): daily at a Beijing hour, or every N minutes (tests, demos). */
export function latestPeriod(now: Date, hourBj: number, everyMin: number): { start: Date; end: Date } {
  if (everyMin > 0) {
    const step = everyMin * 60_000;
    const end = Math.floor(now.getTime() / step) * step;
    return { start: new Date(end - step), end: new Date(end) };
  }
  const day = 86_400_000;
  const offset = (hourBj - 8) * 3600_000; // the Beijing hour expressed in UTC ms since midnight UTC
  let end = Math.floor((now.getTime() - offset) / day) * day + offset;
  if (end > now.getTime()) end -= day;
  return { start: new Date(end - day), end: new Date(end) };
}

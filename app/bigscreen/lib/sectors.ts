/** Short sector names for charts and chips (2–3 Han characters stay legible at 18 px). */
export const SECTOR_SHORT: Record<string, [string, string]> = {
  relic: ['文物', 'Relics'],
  temple: ['寺庙', 'Temples'],
  school: ['学校', 'Schools'],
  welfare: ['福利', 'Welfare'],
  hospital: ['医疗', 'Medical'],
  mall: ['商业', 'Malls'],
  entertainment: ['娱乐', 'Leisure'],
  gas: ['燃气', 'Gas'],
  mine: ['矿山', 'Mines'],
  hazchem: ['危化', 'Hazchem'],
};

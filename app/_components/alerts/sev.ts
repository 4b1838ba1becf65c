/** Severity colour, label and icon for alert UI (plain module: usable from server and client components). */
export const SEV_COLOR: Record<string, string> = { warning: '#ffb020', alarm: '#ff4d4f', critical: '#ff1f6b' };
export const SEV_ZH: Record<string, string> = { warning: '预警', alarm: '报警', critical: '危急' };
export const SEV_ICON: Record<string, string> = { warning: '▲', alarm: '◆', critical: '✖' };

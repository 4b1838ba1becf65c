/** Building structures of the site model (the seed's buildings and the twin's materials). */
export const STRUCTURES = ['wood', 'stone_wood', 'brick', 'concrete'] as const;
export type Structure = (typeof STRUCTURES)[number];

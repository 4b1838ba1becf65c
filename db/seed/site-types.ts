/** Rows and contexts of site generation (sites.ts and its parts share them). */
import type { DepartmentId, RolloutState } from '../../lib/domain/vocabulary/index.ts';
import type { SiteCategory } from '../../lib/protocol/v1.ts';
import type { CountyData } from './data.ts';
import type { BBox, LonLat } from './geo.ts';
import type { ZhEn } from './names.ts';

export const CAT3: Record<SiteCategory, string> = {
  relic: 'REL', temple: 'TMP', school: 'SCH', welfare: 'WEL', hospital: 'HOS',
  mall: 'MAL', entertainment: 'ENT', gas: 'GAS', mine: 'MIN', hazchem: 'HAZ',
};

export type SizeClass = 'showcase' | 'large' | 'medium' | 'small';
export type AnchorKind = 'seat' | 'township' | 'road' | 'rural' | 'remote' | 'real';

export interface SiteRow {
  id: string;
  nameZh: string;
  nameEn: string;
  category: SiteCategory;
  countyAdcode: number;
  departmentId: DepartmentId;
  address: string;
  contactName: string;
  contactPhone: string;
  lonlat: LonLat;
  /** where the buildings are laid out: the site point, except for real rows that share a point with another row */
  campus: LonLat;
  generated: boolean;
  source: string;
  coordQuality: string;
  isPilot: boolean;
  rolloutState: RolloutState;
  plannedAt: string | null;
  surveyedAt: string | null;
  installedAt: string | null;
  commissionedAt: string | null;
  inServiceAt: string | null;
  serviceProvider: string;
  powerOk: boolean;
  networkOk: boolean;
  createdAt: string;
  // generation hints (not stored)
  size: SizeClass;
  anchor: AnchorKind;
  /** a sub-kind chosen with the name, e.g. 'lpg' for a gas site that is an LPG depot, 'nunnery' … */
  variant: string;
}

export interface Township {
  countyAdcode: number;
  zh: string;
  en: string;
  lonlat: LonLat;
  real: boolean;
}

export interface CountyCtx {
  data: CountyData;
  code: string;
  zh: string;
  /** short English name: Karub, Jomda … */
  en: string;
  seat: LonLat;
  seatTown: ZhEn;
  townships: Township[];
  roadSamples: { p: LonLat; ref: string; dir: [number, number] }[];
  bbox: BBox;
}


/** where a site was put, and what it is near (names and addresses follow from it) */
export interface Placement {
  p: LonLat;
  anchor: AnchorKind;
  township?: Township;
  roadRef?: string;
}

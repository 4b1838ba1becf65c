import { describe, expect, it } from 'vitest';
import { DEPARTMENT_INFO, ROLES, type DepartmentId, type Role } from '../../../lib/domain/vocabulary/index.ts';
import { SITE_CATEGORIES } from '../../../lib/protocol/v1.ts';
import {
  canJoinRoom,
  canSeeSite,
  roomsForScope,
  roomsForSite,
  scopeFor,
  type ScopeInputs,
  type SiteRef,
} from '../../../platform/scope.ts';

const KARUO = 540302;
const JIANGDA = 540321;
const temple: SiteRef = { id: 'KR-TEM-1', category: 'temple', countyAdcode: KARUO };
const school: SiteRef = { id: 'JD-SCH-1', category: 'school', countyAdcode: JIANGDA };
const mine: SiteRef = { id: 'KR-MIN-1', category: 'mine', countyAdcode: KARUO };

const input = (role: Role, extra: Partial<ScopeInputs> = {}): ScopeInputs => ({
  role,
  departmentId: null,
  countyAdcode: null,
  siteIds: [],
  ...extra,
});

describe('scopeFor', () => {
  it.each(['leader', 'committee', 'fire', 'admin'] as const)('%s sees all of Changdu', (role) => {
    expect(scopeFor(input(role))).toEqual({ kind: 'all' });
  });
  it('regulators see their department sectors; committee/fire departments mean all', () => {
    for (const dep of Object.keys(DEPARTMENT_INFO) as DepartmentId[]) {
      const cats = DEPARTMENT_INFO[dep].categories;
      const s = scopeFor(input('regulator', { departmentId: dep }));
      expect(s).toEqual(cats === 'all' ? { kind: 'all' } : { kind: 'sectors', categories: cats });
    }
  });
  it('a regulator with an unknown or missing department sees nothing', () => {
    expect(scopeFor(input('regulator', { departmentId: 'nope' }))).toEqual({ kind: 'sectors', categories: [] });
    expect(scopeFor(input('regulator'))).toEqual({ kind: 'sectors', categories: [] });
  });
  it('county officers see their county; without a county, nothing', () => {
    expect(scopeFor(input('county', { countyAdcode: KARUO }))).toEqual({ kind: 'county', adcode: KARUO });
    expect(scopeFor(input('county'))).toEqual({ kind: 'sites', siteIds: [] });
  });
  it.each(['site_manager', 'technician'] as const)('%s sees exactly its sites', (role) => {
    expect(scopeFor(input(role, { siteIds: ['A', 'B'], countyAdcode: KARUO }))).toEqual({ kind: 'sites', siteIds: ['A', 'B'] });
  });
  it('covers every role: without department, county or sites only the city-wide roles see anything', () => {
    const bare: Record<Role, ReturnType<typeof scopeFor>> = {
      leader: { kind: 'all' }, committee: { kind: 'all' }, fire: { kind: 'all' }, admin: { kind: 'all' },
      regulator: { kind: 'sectors', categories: [] },
      county: { kind: 'sites', siteIds: [] }, site_manager: { kind: 'sites', siteIds: [] }, technician: { kind: 'sites', siteIds: [] },
    };
    for (const r of ROLES) expect(scopeFor(input(r)), r).toEqual(bare[r]);
  });
});

describe('canSeeSite', () => {
  it('all', () => {
    for (const s of [temple, school, mine]) expect(canSeeSite({ kind: 'all' }, s)).toBe(true);
  });
  it('sectors', () => {
    const religion = scopeFor(input('regulator', { departmentId: 'religion' }));
    expect(canSeeSite(religion, temple)).toBe(true);
    expect(canSeeSite(religion, school)).toBe(false);
    const safety = scopeFor(input('regulator', { departmentId: 'safety' }));
    expect(canSeeSite(safety, mine)).toBe(true);
    expect(canSeeSite(safety, temple)).toBe(false);
  });
  it('county', () => {
    const karuo = scopeFor(input('county', { countyAdcode: KARUO }));
    expect(canSeeSite(karuo, temple)).toBe(true);
    expect(canSeeSite(karuo, mine)).toBe(true);
    expect(canSeeSite(karuo, school)).toBe(false);
  });
  it('sites', () => {
    const mgr = scopeFor(input('site_manager', { siteIds: [temple.id] }));
    expect(canSeeSite(mgr, temple)).toBe(true);
    expect(canSeeSite(mgr, mine)).toBe(false);
    expect(canSeeSite(scopeFor(input('site_manager')), temple)).toBe(false);
  });
});

describe('rooms', () => {
  it('roomsForScope is exactly the scope', () => {
    expect(roomsForScope({ kind: 'all' })).toEqual(['all']);
    expect(roomsForScope({ kind: 'county', adcode: KARUO })).toEqual([`county:${KARUO}`]);
    expect(roomsForScope({ kind: 'sectors', categories: ['mine', 'hazchem'] })).toEqual(['cat:mine', 'cat:hazchem']);
    expect(roomsForScope({ kind: 'sites', siteIds: ['A'] })).toEqual(['site:A']);
    expect(roomsForScope({ kind: 'sites', siteIds: [] })).toEqual([]);
  });

  it('every principal receives a delta about a site iff it can see the site', () => {
    const scopes = [
      { kind: 'all' as const },
      scopeFor(input('regulator', { departmentId: 'religion' })),
      scopeFor(input('regulator', { departmentId: 'education' })),
      scopeFor(input('county', { countyAdcode: KARUO })),
      scopeFor(input('county', { countyAdcode: JIANGDA })),
      scopeFor(input('site_manager', { siteIds: [temple.id] })),
    ];
    for (const scope of scopes)
      for (const site of [temple, school, mine]) {
        const joined = new Set(roomsForScope(scope));
        const delivered = roomsForSite(site).some((r) => joined.has(r));
        expect(delivered, `${JSON.stringify(scope)} / ${site.id}`).toBe(canSeeSite(scope, site));
      }
  });

  it('canJoinRoom: all', () => {
    const s = { kind: 'all' } as const;
    expect(canJoinRoom(s, 'all')).toBe(true);
    expect(canJoinRoom(s, `county:${JIANGDA}`)).toBe(true);
    expect(canJoinRoom(s, 'cat:temple')).toBe(true);
    expect(canJoinRoom(s, `site:${school.id}`, school)).toBe(true);
  });
  it('canJoinRoom: county officer', () => {
    const s = scopeFor(input('county', { countyAdcode: KARUO }));
    expect(canJoinRoom(s, 'all')).toBe(false);
    expect(canJoinRoom(s, `county:${KARUO}`)).toBe(true);
    expect(canJoinRoom(s, `county:${JIANGDA}`)).toBe(false);
    expect(canJoinRoom(s, 'cat:temple')).toBe(false);
    expect(canJoinRoom(s, `site:${temple.id}`, temple)).toBe(true);
    expect(canJoinRoom(s, `site:${school.id}`, school)).toBe(false);
  });
  it('canJoinRoom: regulator', () => {
    const s = scopeFor(input('regulator', { departmentId: 'religion' }));
    expect(canJoinRoom(s, 'cat:temple')).toBe(true);
    expect(canJoinRoom(s, 'cat:school')).toBe(false);
    expect(canJoinRoom(s, `county:${KARUO}`)).toBe(false);
    expect(canJoinRoom(s, `site:${temple.id}`, temple)).toBe(true);
    expect(canJoinRoom(s, `site:${mine.id}`, mine)).toBe(false);
  });
  it('canJoinRoom: site manager and technician', () => {
    for (const role of ['site_manager', 'technician'] as const) {
      const s = scopeFor(input(role, { siteIds: [temple.id] }));
      expect(canJoinRoom(s, `site:${temple.id}`, temple)).toBe(true);
      expect(canJoinRoom(s, `site:${mine.id}`, mine)).toBe(false);
      expect(canJoinRoom(s, `county:${KARUO}`)).toBe(false);
      expect(canJoinRoom(s, 'all')).toBe(false);
    }
  });
  it('canJoinRoom refuses malformed rooms and site rooms without a matching row', () => {
    const s = { kind: 'all' } as const;
    expect(canJoinRoom(s, 'site:')).toBe(false);
    expect(canJoinRoom(s, 'weird:1')).toBe(false);
    expect(canJoinRoom(s, 'county')).toBe(false);
    expect(canJoinRoom(s, `site:${temple.id}`, null)).toBe(false);
    expect(canJoinRoom(s, `site:${temple.id}`, school)).toBe(false);
  });
  it('every category has a room name that sector scopes can join', () => {
    for (const c of SITE_CATEGORIES) expect(canJoinRoom({ kind: 'sectors', categories: [c] }, `cat:${c}`)).toBe(true);
  });
});

/**
 * The ground: a wide dark plain, the site's compound (convex hull of all footprints plus a margin) paved in
 * light stone, and a north arrow painted on the ground beside it.
 */
import { CircleGeometry, Group, Mesh, MeshBasicMaterial, MeshLambertMaterial, Shape, ShapeGeometry } from 'three';
import { boundsOf, convexHull, insetRing } from '../../../../lib/twin/geo.ts';
import type { TwinBuilding, Vec2 } from '../../../../lib/twin/types.ts';
import type { Tracker } from './tracker.ts';

export function createGround(buildings: TwinBuilding[], t: Tracker): { group: Group; radius: number } {
  const g = new Group();
  const pts: Vec2[] = buildings.flatMap((b) => b.footprint);
  const hull = pts.length >= 3 ? insetRing(convexHull(pts), -9) : [[-30, -30], [30, -30], [30, 30], [-30, 30]] as Vec2[];
  const bb = boundsOf(hull);
  const radius = Math.max(40, Math.hypot(bb.maxX - bb.minX, bb.maxY - bb.minY) / 2);

  const plain = new Mesh(t.track(new CircleGeometry(radius * 8, 48)), t.track(new MeshLambertMaterial({ color: '#26332c' })));
  plain.rotation.x = -Math.PI / 2;
  plain.position.y = -0.05;
  plain.receiveShadow = true;
  g.add(plain);

  const shape = new Shape(hull.map(([x, y]) => ({ x, y }) as never));
  const compound = new Mesh(t.track(new ShapeGeometry(shape)), t.track(new MeshLambertMaterial({ color: '#8c8373' })));
  compound.rotation.x = -Math.PI / 2; // shape (x, y) → three (x, −z): y north becomes −z, as everywhere
  compound.position.y = 0.01;
  compound.receiveShadow = true;
  g.add(compound);

  // north arrow on the ground, outside the compound's south-east corner
  const s = Math.max(6, radius * 0.08);
  const arrow = new Shape();
  arrow.moveTo(0, s);
  arrow.lineTo(s * 0.45, -s * 0.6);
  arrow.lineTo(0, -s * 0.25);
  arrow.lineTo(-s * 0.45, -s * 0.6);
  arrow.closePath();
  const north = new Mesh(t.track(new ShapeGeometry(arrow)), t.track(new MeshBasicMaterial({ color: '#e6f0ff' })));
  north.rotation.x = -Math.PI / 2;
  north.position.set(bb.maxX + s * 1.5, 0.03, -(bb.minY - s * 0.5));
  g.add(north);
  return { group: g, radius };
}

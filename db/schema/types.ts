/** PostGIS column types with their SRID (drizzle's built-in geometry() drops it). Values travel as EWKT/GeoJSON via SQL. */
import { customType } from 'drizzle-orm/pg-core';

function geometry(kind: string) {
  return customType<{ data: string; driverData: string }>({
    dataType: () => `geometry(${kind}, 4326)`,
  });
}
export const point = geometry('Point');
export const polygon = geometry('Polygon');
export const multiPolygon = geometry('MultiPolygon');

/** describedby: a JSON Schema (2020-12) of one collection's features, from the property whitelist. */
import type { CollectionDef, PropDef } from './collections.ts';
import { ogcBase, ogcJson, SCHEMA_T } from './http.ts';

function propSchema(p: PropDef) {
  const t = p.type === 'date-time' ? { type: ['string', 'null'], format: 'date-time' } : { type: [p.type, 'null'] };
  return { title: p.titleZh, ...t, ...(p.enum ? { enum: [...p.enum, null] } : {}) };
}

export function featureSchema(c: CollectionDef, url: URL) {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${ogcBase(url)}/collections/${c.id}/schema`,
    title: `${c.titleZh} ${c.titleEn}`,
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { const: 'Feature' },
      id: { type: c.idType },
      geometry: { type: 'object', properties: { type: { const: c.geometryType } } },
      properties: {
        type: 'object',
        properties: Object.fromEntries(c.props.map((p) => [p.name, propSchema(p)])),
      },
    },
  };
}

export const schema = (c: CollectionDef, url: URL) => ogcJson(featureSchema(c, url), SCHEMA_T);

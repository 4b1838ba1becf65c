/** The OpenAPI 3.0 definition of /ogc: one items path per collection, so its property filters are declared. */
import { COLLECTIONS } from './collections.ts';
import { CRS84, GEOJSON, JSON_T, ogcBase, ogcJson, OPENAPI_T } from './http.ts';
import { DEFAULT_LIMIT, MAX_LIMIT } from './params.ts';

const ok = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'object' } } } });
const errors = {
  '400': ok(JSON_T, 'invalid parameter'),
  '401': ok(JSON_T, 'missing, invalid, expired or revoked token'),
  '404': ok(JSON_T, 'not found (or not in the caller’s scope)'),
};
const f = { name: 'f', in: 'query', required: false, schema: { type: 'string', enum: ['json'] } };
const crs = { name: 'crs', in: 'query', required: false, schema: { type: 'string', enum: [CRS84] } };

export function openapi(url: URL): Response {
  const paths: Record<string, unknown> = {
    '/': { get: { operationId: 'landing', summary: 'landing page', responses: { '200': ok(JSON_T, 'landing page') } } },
    '/conformance': { get: { operationId: 'conformance', responses: { '200': ok(JSON_T, 'conformance classes') } } },
    '/api': { get: { operationId: 'api', responses: { '200': ok(OPENAPI_T, 'this document') } } },
    '/collections': { get: { operationId: 'collections', parameters: [f], responses: { '200': ok(JSON_T, 'collections'), ...errors } } },
  };
  for (const c of COLLECTIONS) {
    const base = `/collections/${c.id}`;
    const params = [
      { name: 'limit', in: 'query', required: false, style: 'form', explode: false, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT } },
      { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } },
      { name: 'bbox', in: 'query', required: false, style: 'form', explode: false, schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } } },
      { name: 'bbox-crs', in: 'query', required: false, schema: { type: 'string', enum: [CRS84] } },
      ...(c.timeExpr ? [{ name: 'datetime', in: 'query', required: false, style: 'form', explode: false, schema: { type: 'string' } }] : []),
      crs,
      f,
      ...c.props
        .filter((p) => p.filter)
        .map((p) => ({ name: p.name, in: 'query', required: false, style: 'form', explode: false, schema: { type: p.type === 'date-time' ? 'string' : p.type } })),
    ];
    paths[base] = { get: { operationId: `describe_${c.id}`, tags: [c.id], responses: { '200': ok(JSON_T, c.titleEn), ...errors } } };
    paths[`${base}/schema`] = { get: { operationId: `schema_${c.id}`, tags: [c.id], responses: { '200': ok('application/schema+json', 'JSON Schema') } } };
    paths[`${base}/items`] = { get: { operationId: `items_${c.id}`, tags: [c.id], summary: c.titleZh, parameters: params, responses: { '200': ok(GEOJSON, 'features'), ...errors } } };
    paths[`${base}/items/{featureId}`] = {
      get: {
        operationId: `item_${c.id}`,
        tags: [c.id],
        parameters: [{ name: 'featureId', in: 'path', required: true, schema: { type: c.idType } }, crs, f],
        responses: { '200': ok(GEOJSON, 'one feature'), ...errors },
      },
    };
  }
  paths['/tiles/{layer}/metadata.json'] = {
    get: { operationId: 'tilejson', parameters: [{ name: 'layer', in: 'path', required: true, schema: { type: 'string', enum: ['sites', 'buildings', 'counties'] } }], responses: { '200': ok(JSON_T, 'TileJSON 3.0'), ...errors } },
  };
  paths['/tiles/{layer}/{z}/{x}/{y}.mvt'] = {
    get: {
      operationId: 'tile',
      parameters: ['layer', 'z', 'x', 'y'].map((n) => ({ name: n, in: 'path', required: true, schema: { type: n === 'layer' ? 'string' : 'integer' } })),
      responses: { '200': { description: 'Mapbox Vector Tile', content: { 'application/vnd.mapbox-vector-tile': { schema: { type: 'string', format: 'binary' } } } }, ...errors },
    },
  };
  return ogcJson(
    {
      openapi: '3.0.3',
      info: { title: '昌都市智慧式用电安全管理平台 OGC API – Features', version: '1.0.0', description: 'Bearer token: a personal API token (设置 → API 令牌).' },
      servers: [{ url: ogcBase(url) }],
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }, {}],
      paths,
    },
    OPENAPI_T,
  );
}

/** /ogc/** — OGC API – Features and vector tiles; all logic in server/ogc (shared with the integration tests). */
import { handleOgc } from '../../../server/ogc/handler.ts';
import { services } from '../../../server/services.ts';

export const dynamic = 'force-dynamic';

export const GET = (req: Request) => handleOgc(services().sql, req);
export const HEAD = GET;

/**
 * The simulated fleet connects like real devices do: through one site-gateway credential from the registry,
 * scoped to the sites of the simulated fleet and nothing else. It is re-issued (new secret) at every start, so
 * no secret outlives the process that knows it; with SIMULATOR=0 the launcher revokes it.
 */
import type { Sql } from '../../platform/db.ts';
import { SIM_GATEWAY } from '../../platform/mqtt-auth/acl.ts';
import { issueGatewayCredential, type IssuedCredential } from '../../platform/mqtt-auth/registry.ts';

export function issueFleetCredential(sql: Sql, sites: string[]): Promise<IssuedCredential> {
  return issueGatewayCredential(sql, SIM_GATEWAY, [...new Set(sites)].sort(), { replace: true, note: 'simulated fleet (workers/simulator)' });
}

/** GET/PUT /api/notifications/prefs — my channels, minimum severity, quiet hours (Beijing) and contact details. */
import { route } from '../../../../server/http/route.ts';
import { services } from '../../../../server/services.ts';
import { getPrefs, prefsSchema, setPrefs } from '../../../../server/workflow/prefs.ts';

export const GET = route({}, async ({ principal }) => getPrefs(services().sql, principal));
export const PUT = route({ body: prefsSchema }, async ({ principal, body, ip }) => {
  await setPrefs(services().sql, principal, body, ip);
  return getPrefs(services().sql, principal);
});

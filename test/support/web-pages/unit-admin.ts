import { ADMIN, INVITERS, type PageCase, UNIT_AND_ADMIN } from './page-case';

/**
 * Administration: users, invitations, API keys, channels, settings, messages, audit.
 * Destructive posts carry a confirm checkbox, so the matrix's empty post is a 400 and the shared
 * fixture stays as it is; an id is looked up before the form is checked (another municipality's: 404).
 */
export const UNIT_ADMIN_PAGES: PageCase[] = [
  { method: 'get', route: 'unit/admin', path: () => '/unit/admin', roles: ADMIN, ok: 200 },
  { method: 'get', route: 'unit/admin/users', path: () => '/unit/admin/users', roles: ADMIN, ok: 200 },
  { method: 'get', route: 'unit/admin/users/:userId', path: (t) => `/unit/admin/users/${t.user}`, roles: ADMIN, ok: 200, scoped: true },
  // An empty form: the name and role are required (400), nothing changes.
  { method: 'post', route: 'unit/admin/users/:userId', path: (t) => `/unit/admin/users/${t.user}`, roles: ADMIN, ok: 400, scoped: true },
  { method: 'post', route: 'unit/admin/users/:userId/deactivate', path: (t) => `/unit/admin/users/${t.user}/deactivate`, roles: ADMIN, ok: 400, scoped: true },
  { method: 'post', route: 'unit/admin/users/:userId/activate', path: (t) => `/unit/admin/users/${t.user}/activate`, roles: ADMIN, ok: 400, scoped: true },
  { method: 'get', route: 'unit/invitations', path: () => '/unit/invitations', roles: INVITERS, ok: 200 },
  { method: 'get', route: 'unit/invitations/new', path: () => '/unit/invitations/new', roles: INVITERS, ok: 200 },
  // An empty form: the field errors (400) prove the role got through, and nothing is sent.
  { method: 'post', route: 'unit/invitations/new', path: () => '/unit/invitations/new', roles: INVITERS, ok: 400 },
  { method: 'get', route: 'unit/admin/api-keys', path: () => '/unit/admin/api-keys', roles: ADMIN, ok: 200 },
  { method: 'post', route: 'unit/admin/api-keys', path: () => '/unit/admin/api-keys', roles: ADMIN, ok: 400 },
  { method: 'post', route: 'unit/admin/api-keys/:apiKeyId/revoke', path: (t) => `/unit/admin/api-keys/${t.apiKey}/revoke`, roles: ADMIN, ok: 400, scoped: true },
  { method: 'get', route: 'unit/admin/channels', path: () => '/unit/admin/channels', roles: ADMIN, ok: 200 },
  { method: 'post', route: 'unit/admin/channels', path: () => '/unit/admin/channels', roles: ADMIN, ok: 400 },
  { method: 'post', route: 'unit/admin/channels/:channelId/remove', path: (t) => `/unit/admin/channels/${t.channel}/remove`, roles: ADMIN, ok: 400, scoped: true },
  // An empty form lacks the button's send=test (400): no test message is added to the fixture's log.
  { method: 'post', route: 'unit/admin/channels/:channelId/test', path: (t) => `/unit/admin/channels/${t.channel}/test`, roles: ADMIN, ok: 400, scoped: true },
  { method: 'get', route: 'unit/admin/settings', path: () => '/unit/admin/settings', roles: ADMIN, ok: 200 },
  { method: 'post', route: 'unit/admin/settings/matching', path: () => '/unit/admin/settings/matching', roles: ADMIN, ok: 400 },
  { method: 'post', route: 'unit/admin/settings/follow-up', path: () => '/unit/admin/settings/follow-up', roles: ADMIN, ok: 400 },
  // An empty form: no month (400), so no run.
  { method: 'post', route: 'unit/admin/settings/review-run', path: () => '/unit/admin/settings/review-run', roles: ADMIN, ok: 400 },
  { method: 'post', route: 'unit/admin/settings/thresholds', path: () => '/unit/admin/settings/thresholds', roles: ADMIN, ok: 400 },
  { method: 'post', route: 'unit/admin/settings/targets', path: () => '/unit/admin/settings/targets', roles: ADMIN, ok: 400 },
  { method: 'get', route: 'unit/admin/audit', path: () => '/unit/admin/audit', roles: ADMIN, ok: 200 },
  { method: 'get', route: 'unit/messages', path: () => '/unit/messages', roles: UNIT_AND_ADMIN, ok: 200 },
  { method: 'get', route: 'unit/messages/:messageId', path: (t) => `/unit/messages/${t.message}`, roles: UNIT_AND_ADMIN, ok: 200, scoped: true },
  // The fixture's message has not failed: the page says it cannot be sent again (409), nothing changes.
  { method: 'post', route: 'unit/messages/:messageId/retry', path: (t) => `/unit/messages/${t.message}/retry`, roles: UNIT_AND_ADMIN, ok: 409, scoped: true },
];

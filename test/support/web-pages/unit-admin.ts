import { INVITERS, type PageCase } from './page-case';

/** Administration: users, invitations, API keys, channels, settings, messages, audit. */
export const UNIT_ADMIN_PAGES: PageCase[] = [
  { method: 'get', route: 'unit/invitations', path: () => '/unit/invitations', roles: INVITERS, ok: 200 },
  { method: 'get', route: 'unit/invitations/new', path: () => '/unit/invitations/new', roles: INVITERS, ok: 200 },
  // An empty form: the field errors (400) prove the role got through, and nothing is sent.
  { method: 'post', route: 'unit/invitations/new', path: () => '/unit/invitations/new', roles: INVITERS, ok: 400 },
];

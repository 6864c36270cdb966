import type { Role } from '@klausul/domain';

/** The httpOnly cookie that carries a browser's session token. */
export const SESSION_COOKIE = 'klausul_session';

/** The header an integration sends its API key in. */
export const API_KEY_HEADER = 'x-api-key';

/** Every API key starts with this, so a leaked one is easy to recognise (e.g. by secret scanners). */
export const API_KEY_PREFIX = 'kla_';

/** Integrations act as the jobcenter or administer; people hold the other roles. */
export const API_KEY_ROLES = ['jobcenter_contact', 'admin'] as const satisfies readonly Role[];
export type ApiKeyRole = (typeof API_KEY_ROLES)[number];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

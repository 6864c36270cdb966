import { SECRET_PAGE_PREFIXES } from '@klausul/links';

/** What the message log shows in place of a link's secret part. */
export const MASKED_SECRET = '•••';

/**
 * Links whose path ends in a bearer secret: whoever holds one acts as its recipient (the
 * supplier's monthly confirmation page, an invitation, a password reset; and the REST
 * review link of messages sent before the confirmation page existed).
 */
const SECRET_LINK_PATHS = ['review-links', ...SECRET_PAGE_PREFIXES.map((prefix) => prefix.replace(/^\/|\/$/g, ''))];

const SECRET_PATH_SEGMENT = new RegExp(`(/(?:${SECRET_LINK_PATHS.join('|')})/)[^\\s"'<>()\\[\\]]+`, 'g');
/** A secret passed as a query parameter, whatever the path. */
const SECRET_QUERY_PARAMETER = /([?&](?:token|code|key|secret|signature)=)[^&#\s"'<>]+/gi;

/**
 * The message as the log shows it: that a link was sent, not the link's secret, so nobody
 * reading the log can act as the recipient. The e-mail sent keeps the real link.
 */
export function maskSecretLinks(text: string): string;
export function maskSecretLinks(text: string | null): string | null;
export function maskSecretLinks(text: string | null): string | null {
  if (text === null) return null;
  return text.replace(SECRET_PATH_SEGMENT, `$1${MASKED_SECRET}`).replace(SECRET_QUERY_PARAMETER, `$1${MASKED_SECRET}`);
}

import { PagePaths } from '@klausul/links';
import type { Translate } from '../../i18n/i18n';
import { errorsOf, type FormErrors, type FormValues } from '../../forms/form';

/** The administration pages are the municipality's admins' (invitations and the message log are shared with the unit). */
export const ADMIN_ROLES = ['admin'] as const;

/** The administration's pages (path, catalogue key), in the order the index and the side navigation list them. */
export const ADMIN_SECTIONS: [string, string][] = [
  ['/unit/admin/users', 'users'],
  ['/unit/invitations', 'invitations'],
  ['/unit/admin/api-keys', 'apiKeys'],
  ['/unit/admin/channels', 'channels'],
  ['/unit/admin/settings', 'settings'],
  ['/unit/messages', 'messages'],
  ['/unit/admin/audit', 'audit'],
];

/** The administration's side navigation, the current page marked. */
export function adminNavigation(t: Translate, current: string): { href: string; text: string; current: boolean }[] {
  const links: [string, string][] = [['/unit/admin', 'index'], ...ADMIN_SECTIONS];
  return links.map(([href, key]) => ({ href, text: t(`unitAdmin.nav.${key}`), current: href === current }));
}

/**
 * A destructive action's confirmation: the checkbox `confirm` (value "yes") shown with the id
 * `inputId`. Unticked, the post is refused with the field's error, so an empty post changes nothing.
 */
export function confirmationErrors(form: FormValues, inputId: string, text: string): FormErrors | undefined {
  return form.confirm === 'yes' ? undefined : errorsOf([{ field: inputId, text }]);
}

/** A list's address with its filters (empty ones left out) and, past the first page, the cursor. */
export function listPath(path: string, filters: Record<string, string | undefined>, cursor?: string | null): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  if (cursor) query.set('cursor', cursor);
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The unit's page of a case a message or an audit entry is about, where there is one (the mails link these pages too). */
export function unitPageOf(type: string, id: string, admin: boolean): string | null {
  switch (type) {
    case 'contract':
      return PagePaths.unitContract(id);
    case 'job_order':
      return PagePaths.unitJobOrder(id);
    case 'review':
      return PagePaths.unitReview(id);
    case 'tender':
      return `/unit/tenders/${id}`;
    case 'jobcenter_channel':
      return admin ? '/unit/admin/channels' : null;
    default:
      return null;
  }
}

import type { Translate } from '../i18n/i18n';

interface Entry {
  /** Catalogue key of the link text. */
  text: string;
  href: string;
}

/** The header's menu per role (the unit's workspace adds its own with issue 14). */
const MENUS: Record<string, Entry[]> = {
  supplier_hr: [{ text: 'supplier.nav.start', href: '/supplier' }],
  jobcenter_contact: [{ text: 'jobcenter.nav.inbox', href: '/jobcenter' }],
  procurement_caseworker: [{ text: 'unit.nav.start', href: '/unit' }, { text: 'unit.invitations.nav', href: '/unit/invitations' }],
  employment_caseworker: [{ text: 'unit.nav.start', href: '/unit' }],
  admin: [{ text: 'unit.nav.start', href: '/unit' }, { text: 'unit.invitations.nav', href: '/unit/invitations' }],
};

export function navigationFor(role: string, t: Translate, path: string): { text: string; href: string; current: boolean }[] {
  const entries = MENUS[role] ?? [];
  // The longest matching entry is the current one.
  const current = entries.filter((e) => path === e.href || path.startsWith(`${e.href}/`)).sort((a, b) => b.href.length - a.href.length)[0];
  return entries.map((e) => ({ text: t(e.text), href: e.href, current: e === current }));
}

/** Where a signed-in person starts (GET / and after sign-in without a return path). */
export function startPathFor(role: string): string {
  if (role === 'supplier_hr') return '/supplier';
  if (role === 'jobcenter_contact') return '/jobcenter';
  if (role === 'operator') return '/admin/queues';
  return '/unit';
}

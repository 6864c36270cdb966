import type { Translate } from '../i18n/i18n';

interface Entry {
  /** Catalogue key of the link text. */
  text: string;
  href: string;
}

const unit = (...extra: Entry[]): Entry[] => [
  { text: 'unit.nav.start', href: '/unit' },
  { text: 'unit.nav.tenders', href: '/unit/tenders' },
  { text: 'unit.nav.suppliers', href: '/unit/suppliers' },
  { text: 'unit.nav.jobOrders', href: '/unit/job-orders' },
  { text: 'unit.nav.reviews', href: '/unit/reviews' },
  { text: 'unit.nav.upskilling', href: '/unit/upskilling' },
  { text: 'unit.nav.messages', href: '/unit/messages' },
  ...extra,
];

/** Paths that belong to another menu entry's section: a candidate is part of its job description. */
const SECTION_OF: [string, string][] = [
  ['/unit/candidates', '/unit/job-orders'],
  ['/unit/meetings', '/unit/reviews'],
];

/** The header's menu per role. */
const MENUS: Record<string, Entry[]> = {
  supplier_hr: [{ text: 'supplier.nav.start', href: '/supplier' }],
  jobcenter_contact: [{ text: 'jobcenter.nav.inbox', href: '/jobcenter' }],
  procurement_caseworker: unit({ text: 'unit.invitations.nav', href: '/unit/invitations' }),
  employment_caseworker: unit(),
  admin: unit({ text: 'unit.nav.admin', href: '/unit/admin' }),
};

export function navigationFor(role: string, t: Translate, path: string): { text: string; href: string; current: boolean }[] {
  const entries = MENUS[role] ?? [];
  // Pages reached from a menu's section but addressed outside it (a candidate's move, re-rendered on an error).
  for (const [prefix, section] of SECTION_OF) if (path === prefix || path.startsWith(`${prefix}/`)) path = section;
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

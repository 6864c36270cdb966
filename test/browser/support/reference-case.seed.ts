import { randomBytes, randomInt } from 'node:crypto';
import { DEMO_CLAUSE, DEMO_MEETINGS, DEMO_SCREENING, DEMO_SUPPLIERS, DEMO_TENDER } from '../../../libs/contracts/src/demo/reference-case';
import { isValidCvr } from '../../../libs/contracts/src/suppliers/cvr';
import { ApiClient, type SignedInUser } from './api-client';

/** The password of every user the seed creates (the admin's is the run's own, see env.ts). */
export const BROWSER_PASSWORD = 'korrekt hest batteri hæfteklamme';

export interface Person {
  id: string;
  email: string;
  password: string;
  displayName: string;
  role: string;
}

export interface SupplierRef {
  id: string;
  cvr: string;
  name: string;
}

export interface ReferenceCaseOptions {
  /** The winner whose contract the tests follow (e.g. a hostile name); default Fynsk Rutekørsel A/S. */
  supplierName?: string;
  /** Contract period; default from the first day of the month three months ago, for 48 months. */
  startDate?: string;
  endDate?: string;
}

/** Everything seedReferenceCase made; ids, people with passwords, and signed-in REST clients. */
export interface ReferenceCase {
  /** Unique to this seed; in e-mail addresses, CVRs and the tender reference. */
  tag: string;
  municipality: { id: string; name: string };
  people: { procurement: Person; employment: Person; jobcenter: Person; hr: Person; otherHr: Person };
  clients: { admin: ApiClient; procurement: ApiClient; employment: ApiClient; jobcenter: ApiClient; hr: ApiClient };
  suppliers: { winner: SupplierRef; other: SupplierRef; flexVirk: SupplierRef };
  tender: { id: string; title: string };
  /** The winner's contract: lots 1-4, one clause of 13 hires x 10 h = 130 h/week, FlexVirk as RSV partner. */
  contract: { id: string; startDate: string; endDate: string; requiredHires: number; requiredWeeklyHours: number; partnerId: string };
  otherContract: { id: string; supplierId: string };
  /** The unit's jobcenter e-mail channel: forwarded job descriptions are mailed here. */
  channel: { id: string; address: string };
}

/** A random CVR number that passes the modulus-11 check (one in eleven 8-digit numbers does). */
function randomCvr(): string {
  for (;;) {
    const cvr = String(randomInt(10_000_000, 100_000_000));
    if (isValidCvr(cvr)) return cvr;
  }
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

function defaultPeriod(now = new Date()): { startDate: string; endDate: string } {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 3, 1));
  const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 48, 0));
  return { startDate: isoDate(start), endDate: isoDate(end) };
}

interface TenderView {
  id: string;
  state: string;
  title: string;
  contracts?: { id: string; supplierId: string; supplierName: string; lotNumbers: number[] }[];
}

/** The people, suppliers and jobcenter channel of the reference case, before its tender (seedPeople). */
export interface ReferenceCaseCast {
  tag: string;
  period: { startDate: string; endDate: string };
  municipality: { id: string; name: string };
  people: ReferenceCase['people'];
  clients: { admin: ApiClient; procurement: ApiClient; employment: ApiClient };
  suppliers: ReferenceCase['suppliers'];
  channel: ReferenceCase['channel'];
}

/**
 * The cast of the reference case, through the REST API: the unit's caseworkers, a jobcenter
 * contact, the two transport suppliers and FlexVirk (an RSV), an HR contact per winner
 * (existing before the hand-over, so the welcome mail reaches them) and a jobcenter e-mail
 * channel. All in the bootstrap municipality, which every seed shares: filter lists by the
 * returned ids.
 */
export async function seedPeople(options: ReferenceCaseOptions = {}): Promise<ReferenceCaseCast> {
  const tag = randomBytes(4).toString('hex');
  const fallback = defaultPeriod();
  const period = { startDate: options.startDate ?? fallback.startDate, endDate: options.endDate ?? fallback.endDate };
  const admin = await ApiClient.admin();

  const person = async (role: string, displayName: string, local: string, supplierId?: string): Promise<Person> => {
    const email = `${local}.${tag}@example.dk`;
    const created = await admin.post<SignedInUser>('/users', { email, displayName, role, password: BROWSER_PASSWORD, ...(supplierId ? { supplierId } : {}) });
    return { id: created.id, email: created.email, password: BROWSER_PASSWORD, displayName: created.displayName, role: created.role };
  };
  const procurement = await person('procurement_caseworker', 'Udbudskonsulent Mette Holm', 'udbud');
  const employment = await person('employment_caseworker', 'Virksomhedskonsulent Jonas Berg', 'beskaeftigelse');
  const jobcenter = await person('jobcenter_contact', 'Jobkonsulent Sara Lund', 'jobcenter');
  const [procurementApi, employmentApi] = await Promise.all([signInAs(procurement, admin), signInAs(employment, admin)]);

  const supplier = (name: string, registeredSocialEconomy: boolean) =>
    procurementApi.post<SupplierRef>('/suppliers', { cvr: randomCvr(), name, registeredSocialEconomy });
  const winner = await supplier(options.supplierName ?? DEMO_SUPPLIERS.transportA.name, false);
  const other = await supplier(DEMO_SUPPLIERS.transportB.name, false);
  const flexVirk = await supplier(DEMO_SUPPLIERS.flexVirk.name, true);
  const hr = await person('supplier_hr', 'HR-ansvarlig Lone Friis', 'hr', winner.id);
  const otherHr = await person('supplier_hr', 'HR-ansvarlig Per Dam', 'hr.andre', other.id);
  const address = `virksomhedsservice.${tag}@jobcenter.example.dk`;
  const channel = await admin.post<{ id: string }>('/jobcenter-channels', { kind: 'email', name: `Jobcenter Odense (${tag})`, address });

  return {
    tag,
    period,
    municipality: admin.user.municipality,
    people: { procurement, employment, jobcenter, hr, otherHr },
    clients: { admin, procurement: procurementApi, employment: employmentApi },
    suppliers: { winner, other, flexVirk },
    channel: { id: channel.id, address },
  };
}

const signInAs = (p: Person, admin: ApiClient) => ApiClient.signIn(p.email, p.password, admin.baseUrl);

/**
 * The reference case of DOMAIN.md brought, through the REST API only, to the point where
 * the matching starts: the cast (seedPeople), the special-transport tender of 8 lots
 * screened, discussed, given its clause (26 x 10 h, split 13 x 10 h = 130 h per winner),
 * published, awarded 4 + 4 and handed over with FlexVirk as the winner's RSV partner.
 */
export async function seedReferenceCase(options: ReferenceCaseOptions = {}): Promise<ReferenceCase> {
  const cast = await seedPeople(options);
  const { procurement: procurementApi, employment: employmentApi } = cast.clients;
  const { winner, other, flexVirk } = cast.suppliers;

  let tender = await procurementApi.post<TenderView>('/tenders', { ...DEMO_TENDER, reference: `BROWSER-${cast.tag}` });
  const step = async (expected: string, fire: () => Promise<TenderView>) => {
    tender = await fire();
    if (tender.state !== expected) throw new Error(`seed: the tender is ${tender.state} where ${expected} was expected`);
  };
  await step('screening', () => employmentApi.post(`/tenders/${tender.id}/screening`, DEMO_SCREENING));
  await step('market_dialogue', () => procurementApi.post(`/tenders/${tender.id}/start-dialogue`));
  for (const [meeting, bidder] of DEMO_MEETINGS.map((m, i) => [m, i === 0 ? winner : other] as const)) {
    await step('market_dialogue', () => employmentApi.post(`/tenders/${tender.id}/meetings`, { ...meeting, bidderName: bidder.name, supplierId: bidder.id }));
  }
  await step('clause_defined', () => procurementApi.post(`/tenders/${tender.id}/define-clause`, { clauses: [DEMO_CLAUSE] }));
  await step('published', () => procurementApi.post(`/tenders/${tender.id}/publish`));
  const lots = Array.from({ length: 8 }, (_, i) => ({ lotNumber: i + 1, supplierId: (i < 4 ? winner : other).id }));
  await step('awarded', () => procurementApi.post(`/tenders/${tender.id}/award`, { ...cast.period, lots }));
  const contractId = tender.contracts!.find((c) => c.supplierId === winner.id)!.id;
  await procurementApi.post(`/contracts/${contractId}/partners`, { supplierId: flexVirk.id, kind: 'rsv' });
  await step('handed_over', () => procurementApi.post(`/tenders/${tender.id}/hand-over`));
  return referenceCaseOf(cast, tender.id);
}

/** The reference case of a cast whose tender has been handed over (by the REST API or by the unit's pages), read back by REST. */
export async function referenceCaseOf(cast: ReferenceCaseCast, tenderId: string): Promise<ReferenceCase> {
  const { procurement: procurementApi } = cast.clients;
  const tender = await procurementApi.get<TenderView & { state: string }>(`/tenders/${tenderId}`);
  if (tender.state !== 'handed_over') throw new Error(`the tender is ${tender.state}, not handed over`);
  const contractOf = (s: SupplierRef) => tender.contracts!.find((c) => c.supplierId === s.id)!;
  const contractId = contractOf(cast.suppliers.winner).id;
  const contract = await procurementApi.get<{ startDate: string; endDate: string; clauses: { requiredHires: number; requiredWeeklyHours: number }[]; partners: { id: string; supplierId: string }[] }>(
    `/contracts/${contractId}`,
  );
  const [jobcenterApi, hrApi] = await Promise.all([signInAs(cast.people.jobcenter, cast.clients.admin), signInAs(cast.people.hr, cast.clients.admin)]);
  return {
    tag: cast.tag,
    municipality: cast.municipality,
    people: cast.people,
    clients: { ...cast.clients, jobcenter: jobcenterApi, hr: hrApi },
    suppliers: cast.suppliers,
    tender: { id: tender.id, title: tender.title },
    contract: {
      id: contractId,
      startDate: contract.startDate,
      endDate: contract.endDate,
      requiredHires: contract.clauses[0].requiredHires,
      requiredWeeklyHours: contract.clauses[0].requiredWeeklyHours,
      partnerId: contract.partners.find((p) => p.supplierId === cast.suppliers.flexVirk.id)!.id,
    },
    otherContract: { id: contractOf(cast.suppliers.other).id, supplierId: cast.suppliers.other.id },
    channel: cast.channel,
  };
}

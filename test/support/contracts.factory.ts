import { randomInt } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { bearer, IdentityFactory, type TestUser } from './identity.factory';

/** A valid CVR number that is unlikely to repeat within a test database. */
export function randomCvr(): string {
  const weights = [2, 7, 6, 5, 4, 3, 2];
  for (;;) {
    const digits = [randomInt(1, 10), ...Array.from({ length: 6 }, () => randomInt(0, 10))];
    const check = (11 - (digits.reduce((sum, d, i) => sum + d * weights[i], 0) % 11)) % 11;
    if (check < 10) return [...digits, check].join('');
  }
}

export interface SignedIn {
  user: TestUser;
  token: string;
}

/** The matchmaking unit of one municipality, signed in. */
export interface Unit {
  municipalityId: string;
  procurement: SignedIn;
  employment: SignedIn;
  admin: SignedIn;
  jobcenter: SignedIn;
}

export interface TestSupplier {
  id: string;
  cvr: string;
  name: string;
}

export type TenderStep = 'identified' | 'screening' | 'market_dialogue' | 'clause_defined' | 'published' | 'awarded' | 'handed_over';

export const tenderBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'Visiteret rutekørsel',
  description: 'Morgen- og eftermiddagsruter',
  procurementArea: 'special_transport',
  estimatedValueDkk: 120_000_000,
  durationMonths: 48,
  lots: Array.from({ length: 8 }, (_, i) => ({ number: i + 1, title: `Delaftale ${i + 1}` })),
  ...overrides,
});

export const screeningBody = (overrides: Record<string, unknown> = {}) => ({
  suitableTasks: ['Morgenruter', 'Eftermiddagsruter'],
  splitShifts: true,
  coreTasks: ['Chaufførkørsel'],
  ancillaryTasks: ['Klargøring af vogne'],
  upskillingOptions: ['Kørekort D1'],
  estimatedHires: 26,
  ...overrides,
});

export const meetingBody = (overrides: Record<string, unknown> = {}) => ({
  heldOn: '2024-02-14',
  bidderName: 'Fynsk Rutekørsel A/S',
  participants: ['Udbudskonsulent', 'Driftschef'],
  notes: 'Positiv over for fleksjob',
  willingness: 'high',
  tasksMatched: ['Morgenruter'],
  upskillingNeeds: ['Kørekort D1'],
  ...overrides,
});

export const clauseBody = (overrides: Record<string, unknown> = {}) => ({
  requiredHires: 26,
  weeklyHoursPerHire: 10,
  targetGroups: ['flexjob'],
  employmentForms: ['flexjob'],
  ...overrides,
});

/**
 * Builds phase-1 data for tests: suppliers and users directly in the database, tenders
 * through the HTTP API (so every step goes through the engine, as a caseworker's would).
 *
 *   const contracts = new ContractsFactory(app);
 *   const unit = await contracts.unit();
 *   const { tender, suppliers } = await contracts.tenderAt(unit, 'awarded');
 */
export class ContractsFactory {
  readonly identity: IdentityFactory;

  constructor(private readonly app: INestApplication) {
    this.identity = new IdentityFactory(app);
  }

  private http() {
    return request(this.app.getHttpServer());
  }

  async unit(municipalityId?: string): Promise<Unit> {
    const id = municipalityId ?? (await this.identity.municipality()).id;
    const [procurement, employment, admin, jobcenter] = await Promise.all(
      (['procurement_caseworker', 'employment_caseworker', 'admin', 'jobcenter_contact'] as const).map((role) =>
        this.identity.signedIn({ role, municipalityId: id }),
      ),
    );
    return { municipalityId: id, procurement, employment, admin, jobcenter };
  }

  async supplier(municipalityId: string, options: { name?: string; rsv?: boolean } = {}): Promise<TestSupplier> {
    const cvr = randomCvr();
    const name = options.name ?? `Leverandør ${cvr}`;
    const [row] = await this.identity.query<{ id: string }>(
      'INSERT INTO supplier (municipality_id, cvr, name, registered_social_economy) VALUES ($1, $2, $3, $4) RETURNING id',
      [municipalityId, cvr, name, options.rsv ?? false],
    );
    return { id: row.id, cvr, name };
  }

  /** An HR contact of the supplier, signed in. */
  supplierHr(municipalityId: string, supplierId: string): Promise<SignedIn> {
    return this.identity.signedIn({ role: 'supplier_hr', municipalityId, supplierId });
  }

  /**
   * A tender of 8 lots driven through the API to `step`; awarded lots 1-4 to the first
   * supplier and 5-8 to the second, with one 26 x 10 h clause for the whole tender.
   */
  async tenderAt(
    unit: Unit,
    step: TenderStep,
    options: { award?: Record<string, unknown>; clause?: Record<string, unknown> } = {},
  ): Promise<{ tender: Record<string, any>; suppliers: [TestSupplier, TestSupplier] }> {
    const suppliers: [TestSupplier, TestSupplier] = [
      await this.supplier(unit.municipalityId, { name: 'Fynsk Rutekørsel A/S' }),
      await this.supplier(unit.municipalityId, { name: 'Odense Turbusser ApS' }),
    ];
    const token = unit.procurement.token;
    const post = async (path: string, body: object) => {
      const res = await this.http().post(path).set(bearer(token)).send(body);
      if (res.status >= 300) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body as Record<string, any>;
    };
    let tender = await post('/api/v1/tenders', tenderBody());
    const steps: [TenderStep, () => Promise<Record<string, any>>][] = [
      ['screening', () => post(`/api/v1/tenders/${tender.id}/screening`, screeningBody())],
      [
        'market_dialogue',
        async () => {
          await post(`/api/v1/tenders/${tender.id}/start-dialogue`, {});
          return post(`/api/v1/tenders/${tender.id}/meetings`, meetingBody({ supplierId: suppliers[0].id }));
        },
      ],
      ['clause_defined', () => post(`/api/v1/tenders/${tender.id}/define-clause`, { clauses: [clauseBody(options.clause)] })],
      ['published', () => post(`/api/v1/tenders/${tender.id}/publish`, {})],
      [
        'awarded',
        () =>
          post(`/api/v1/tenders/${tender.id}/award`, {
            startDate: '2025-01-01',
            endDate: '2028-12-31',
            lots: Array.from({ length: 8 }, (_, i) => ({ lotNumber: i + 1, supplierId: suppliers[i < 4 ? 0 : 1].id })),
            ...options.award,
          }),
      ],
      ['handed_over', () => post(`/api/v1/tenders/${tender.id}/hand-over`, {})],
    ];
    for (const [reached, run] of steps) {
      if (tender.state === step) break;
      tender = await run();
      if (tender.state !== reached) throw new Error(`expected ${reached}, the tender is ${tender.state}`);
    }
    return { tender, suppliers };
  }

  /** A placement under a contract's (first) clause, written directly: phase 2 will create them through its workflow. */
  async placement(
    contractId: string,
    fields: { startDate?: string; endDate?: string; weeklyHours?: number; agreedMonths?: number; partnerId?: string; replaces?: string } = {},
  ): Promise<string> {
    const [row] = await this.identity.query<{ id: string }>(
      `INSERT INTO placement (municipality_id, contract_id, clause_id, partner_id, replaces_placement_id, target_group, employment_form,
                              start_date, end_date, agreed_weekly_hours, agreed_months, state)
       SELECT c.municipality_id, c.id, (SELECT id FROM employment_clause WHERE contract_id = c.id ORDER BY id LIMIT 1), $2, $3,
              'flexjob', 'flexjob', $4, $5, $6, $7, CASE WHEN $5::date IS NULL THEN 'active' ELSE 'ended' END
         FROM contract c WHERE c.id = $1 RETURNING id`,
      [contractId, fields.partnerId ?? null, fields.replaces ?? null, fields.startDate ?? '2025-02-01', fields.endDate ?? null, fields.weeklyHours ?? 10, fields.agreedMonths ?? null],
    );
    return row.id;
  }

  /** Rows in each table, to show that a refused request wrote nothing. */
  async counts(tables: readonly string[]): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const [{ n }] = await this.identity.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
      counts[table] = n;
    }
    return counts;
  }
}

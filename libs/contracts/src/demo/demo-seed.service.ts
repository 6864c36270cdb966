import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Actor, Role } from '@klausul/domain';
import { PasswordHasher } from '@klausul/identity';
import { ContractsService } from '../contracts/contracts.service';
import { SupplierRepository } from '../suppliers/supplier.repository';
import { SuppliersService } from '../suppliers/suppliers.service';
import { TenderRepository } from '../tenders/tender.repository';
import { TenderService } from '../tenders/tender.service';
import {
  DEMO_AWARD,
  DEMO_CLAUSE,
  DEMO_CONTRACT_PERIOD,
  DEMO_MEETINGS,
  DEMO_MUNICIPALITY,
  DEMO_PLACEMENTS,
  DEMO_SCREENING,
  DEMO_SUPPLIERS,
  DEMO_TENDER,
  DEMO_TENDER_REFERENCE,
  DEMO_USERS,
  type DemoSupplierKey,
} from './reference-case';

/** Session-level advisory lock that serialises demo seeding across processes ("klau" + 2). */
const DEMO_SEED_LOCK_KEY = 0x6b6c6177;

export interface DemoCredential {
  email: string;
  role: Role;
  password: string;
}

export interface DemoSeedResult {
  municipalityId: string;
  tenderId: string;
  /** Passwords of the users this run created (shown once); empty when they all existed. */
  createdUsers: DemoCredential[];
  /** The events this run fired on the demo tender; empty when it was already handed over. */
  events: string[];
}

/**
 * Creates the Odense reference case through the same services and engine as the API,
 * so its history is real. Idempotent: it looks everything up by natural key (municipality
 * name, CVR, e-mail, tender reference) and resumes the tender from its current state.
 */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
    private readonly supplierRepository: SupplierRepository,
    private readonly suppliers: SuppliersService,
    private readonly tenders: TenderService,
    private readonly tenderRepository: TenderRepository,
    private readonly contracts: ContractsService,
  ) {}

  async seed(): Promise<DemoSeedResult> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [DEMO_SEED_LOCK_KEY]);
      return await this.seedLocked();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [DEMO_SEED_LOCK_KEY]).catch(() => undefined);
      await runner.release();
    }
  }

  private async seedLocked(): Promise<DemoSeedResult> {
    const municipalityId = await this.ensureMunicipality();
    const system: Actor = { municipalityId, role: 'admin', userId: null, apiKeyId: null, supplierId: null };
    const supplierIds = await this.ensureSuppliers(system);
    const { actors, created } = await this.ensureUsers(municipalityId, supplierIds);
    const { tenderId, events } = await this.ensureTender(actors.procurement, actors.employment, supplierIds);
    if (created.length || events.length) this.logger.log({ users: created.length, events }, 'demo data seeded');
    return { municipalityId, tenderId, createdUsers: created, events };
  }

  /** Odense Kommune, which the first-admin bootstrap may already have created. */
  private async ensureMunicipality(): Promise<string> {
    await this.dataSource.query('INSERT INTO municipality (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [DEMO_MUNICIPALITY]);
    const [row] = await this.dataSource.query('SELECT id FROM municipality WHERE name = $1', [DEMO_MUNICIPALITY]);
    return row.id;
  }

  private async ensureSuppliers(actor: Actor): Promise<Record<DemoSupplierKey, string>> {
    const ids = {} as Record<DemoSupplierKey, string>;
    for (const [key, supplier] of Object.entries(DEMO_SUPPLIERS) as [DemoSupplierKey, (typeof DEMO_SUPPLIERS)[DemoSupplierKey]][]) {
      const existing = await this.supplierRepository.findByCvr(actor.municipalityId, supplier.cvr);
      ids[key] = existing?.id ?? (await this.suppliers.create(actor, { ...supplier })).id;
    }
    return ids;
  }

  private async ensureUsers(municipalityId: string, supplierIds: Record<DemoSupplierKey, string>) {
    const created: DemoCredential[] = [];
    const byRole = new Map<Role, Actor>();
    for (const user of DEMO_USERS) {
      const supplierId = user.supplier ? supplierIds[user.supplier] : null;
      let [row] = await this.dataSource.query('SELECT id, municipality_id, role, supplier_id FROM app_user WHERE email = $1', [user.email]);
      if (!row) {
        const password = randomBytes(18).toString('base64url');
        [row] = await this.dataSource.query(
          `INSERT INTO app_user (municipality_id, email, display_name, password_hash, role, supplier_id)
           VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (email) DO NOTHING RETURNING id, municipality_id, role, supplier_id`,
          [municipalityId, user.email, user.displayName, await this.hasher.hash(password), user.role, supplierId],
        );
        created.push({ email: user.email, role: user.role, password });
      }
      byRole.set(user.role, { municipalityId: row.municipality_id, role: row.role, userId: row.id, apiKeyId: null, supplierId: row.supplier_id });
    }
    return { created, actors: { procurement: byRole.get('procurement_caseworker')!, employment: byRole.get('employment_caseworker')! } };
  }

  /** Moves the demo tender from wherever it is to handed_over, one event per step. */
  private async ensureTender(procurement: Actor, employment: Actor, supplierIds: Record<DemoSupplierKey, string>) {
    const events: string[] = [];
    const existing = await this.tenderRepository.findByReference(procurement.municipalityId, DEMO_TENDER_REFERENCE);
    const tenderId: string = existing?.id ?? (await this.tenders.create(procurement, DEMO_TENDER)).id;
    if (!existing) events.push('create');
    for (;;) {
      const tender = await this.tenders.get(procurement, tenderId);
      const expectedVersion = tender.version;
      switch (tender.state) {
        case 'identified':
          await this.tenders.screen(employment, tenderId, { ...DEMO_SCREENING, expectedVersion });
          events.push('screen');
          break;
        case 'screening':
          await this.tenders.startDialogue(procurement, tenderId, { expectedVersion });
          events.push('start-dialogue');
          break;
        case 'market_dialogue':
          if (tender.meetings.length < DEMO_MEETINGS.length) {
            const meeting = DEMO_MEETINGS[tender.meetings.length];
            const supplierId = supplierIds[meeting.bidderName === DEMO_SUPPLIERS.transportA.name ? 'transportA' : 'transportB'];
            await this.tenders.recordMeeting(employment, tenderId, { ...meeting, supplierId, expectedVersion });
            events.push('record-meeting');
          } else {
            await this.tenders.defineClause(procurement, tenderId, { clauses: [DEMO_CLAUSE], expectedVersion });
            events.push('define-clause');
          }
          break;
        case 'clause_defined':
          await this.tenders.publish(procurement, tenderId, { expectedVersion });
          events.push('publish');
          break;
        case 'published':
          await this.tenders.award(procurement, tenderId, {
            ...DEMO_CONTRACT_PERIOD,
            lots: DEMO_AWARD.map((lot) => ({ lotNumber: lot.lotNumber, supplierId: supplierIds[lot.supplier] })),
            expectedVersion,
          });
          events.push('award');
          break;
        case 'awarded':
          // Phase 2 does not exist yet: the reference case's hires are added directly, before
          // hand-over, so the first-hire milestone finds them.
          await this.ensurePlacements(procurement, tenderId, supplierIds);
          await this.tenders.handOver(procurement, tenderId, { expectedVersion });
          events.push('hand-over');
          break;
        default:
          return { tenderId, events };
      }
    }
  }

  /** FlexVirk as RSV partner of Fynsk Rutekørsel, and its 16 flexjobs (186 h/week) under the clause. */
  private async ensurePlacements(actor: Actor, tenderId: string, supplierIds: Record<DemoSupplierKey, string>): Promise<void> {
    const [contract] = await this.dataSource.query('SELECT id FROM contract WHERE tender_id = $1 AND supplier_id = $2', [
      tenderId,
      supplierIds.transportA,
    ]);
    const view = await this.contracts.get(actor, contract.id);
    if (!view.partners.some((p) => p.supplierId === supplierIds.flexVirk)) {
      await this.contracts.addPartner(actor, contract.id, { supplierId: supplierIds.flexVirk, kind: 'rsv' });
    }
    await this.dataSource.transaction(async (manager: EntityManager) => {
      const [{ placements }] = await manager.query('SELECT count(*)::int AS placements FROM placement WHERE contract_id = $1', [contract.id]);
      if (placements > 0) return;
      const [partner] = await manager.query('SELECT id FROM contract_partner WHERE contract_id = $1 AND supplier_id = $2', [
        contract.id,
        supplierIds.flexVirk,
      ]);
      for (const p of DEMO_PLACEMENTS) {
        await manager.query(
          `INSERT INTO placement (municipality_id, contract_id, clause_id, partner_id, target_group, employment_form, start_date,
                                  agreed_weekly_hours, state)
           SELECT $1, $2, id, $3, 'flexjob', 'flexjob', $4, $5, 'active' FROM employment_clause WHERE contract_id = $2`,
          [actor.municipalityId, contract.id, p.throughPartner ? partner.id : null, p.startDate, p.weeklyHours],
        );
      }
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, ConflictError, InvalidInputError, NotFoundError } from '@klausul/domain';
import { assertSameSupplier } from '@klausul/identity';
import { Keyset, type Page } from '@klausul/paging';
import { ComplianceSnapshotService } from '../compliance/compliance-snapshot.service';
import { SupplierRepository } from '../suppliers/supplier.repository';
import {
  type AddPartnerDto,
  ALERT_SORTS,
  type AlertListQuery,
  type AlertView,
  CONTRACT_SORTS,
  type ContractListQuery,
  type ContractView,
  toAlertView,
  toContractView,
} from './contract.dto';
import { ContractRepository } from './contract.repository';

/** Contracts the awards created: read by the unit and by the supplier they bind; partners registered by the unit. */
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractRepository,
    private readonly suppliers: SupplierRepository,
    private readonly compliance: ComplianceSnapshotService,
  ) {}

  /** One page of contracts with their compliance today; a supplier HR contact sees its own supplier's only. */
  async list(actor: Actor, query: ContractListQuery): Promise<Page<ContractView>> {
    const keyset = Keyset.of(query, CONTRACT_SORTS, '-startDate', 'c.id');
    const today = await this.compliance.refresh(actor.municipalityId);
    const supplierIds = [actor.role === 'supplier_hr' ? actor.supplierId : null, query.supplierId].filter((id): id is string => !!id);
    const rows = await this.contracts.list(
      actor.municipalityId,
      {
        supplierIds,
        tenderId: query.tenderId,
        phase: query.phase,
        status: query.status,
        procurementArea: query.procurementArea,
        active: query.active === undefined ? undefined : { value: query.active, today },
      },
      keyset,
    );
    const views = await this.withParts(actor, rows.slice(0, keyset.limit));
    return keyset.page(rows, (row) => views.get(row.id)!);
  }

  async get(actor: Actor, id: string): Promise<ContractView> {
    // Recounted first, so the figures shown are today's.
    await this.compliance.refresh(actor.municipalityId);
    return (await this.withParts(actor, [await this.load(actor, id)])).get(id)!;
  }

  /** A contract the actor may see: of its municipality, and for a supplier HR contact, of its own supplier; else 404. */
  async load(actor: Actor, id: string): Promise<Record<string, any>> {
    const row = await this.contracts.find(actor.municipalityId, id);
    if (!row) throw new NotFoundError('contract', id);
    assertSameSupplier(actor, row.supplier_id, { what: 'contract', id });
    return row;
  }

  /** A partner (an RSV or a subcontractor) whose placements count toward the contract's clauses. */
  async addPartner(actor: Actor, id: string, dto: AddPartnerDto): Promise<ContractView> {
    await this.dataSource.transaction(async (manager) => {
      const contract = await this.contracts.find(actor.municipalityId, id, manager);
      if (!contract) throw new NotFoundError('contract', id);
      const supplier = await this.suppliers.find(actor.municipalityId, dto.supplierId, manager);
      const problem = partnerProblem(supplier, contract, dto);
      if (problem) throw new InvalidInputError(`supplierId ${problem}`, { fields: ['supplierId'] });
      const added = await this.contracts.insertPartner(manager, {
        municipalityId: actor.municipalityId,
        contractId: id,
        supplierId: dto.supplierId,
        kind: dto.kind,
      });
      if (!added) throw new ConflictError(`${supplier!.name} is already a partner of this contract`);
    });
    return this.get(actor, id);
  }

  async openAlerts(actor: Actor, query: AlertListQuery): Promise<Page<AlertView>> {
    const keyset = Keyset.of(query, ALERT_SORTS, '-createdAt', 'a.id');
    return keyset.page(await this.contracts.openAlertPage(actor.municipalityId, query, keyset), toAlertView);
  }

  /** The views of several contracts with their clauses, partners and alerts: three queries, whatever the number. */
  private async withParts(actor: Actor, rows: Record<string, any>[]): Promise<Map<string, ContractView>> {
    const ids = rows.map((row) => row.id as string);
    const [clauses, partners, alerts] = await Promise.all([
      this.contracts.clausesOf(ids),
      this.contracts.partnersOf(ids),
      // Alerts are the unit's working list, not the supplier's.
      actor.role === 'supplier_hr' ? Promise.resolve([]) : this.contracts.openAlertsOf(actor.municipalityId, ids),
    ]);
    const of = (list: Record<string, any>[], id: string) => list.filter((item) => item.contract_id === id);
    return new Map(rows.map((row) => [row.id, toContractView(row, { clauses: of(clauses, row.id), partners: of(partners, row.id), alerts: of(alerts, row.id) })]));
  }
}

/** Why this supplier cannot be the contract's partner of this kind, or null. */
function partnerProblem(supplier: Record<string, any> | null, contract: Record<string, any>, dto: AddPartnerDto): string | null {
  if (!supplier) return 'is not a registered supplier';
  if (supplier.id === contract.supplier_id) return "is the contract's own supplier";
  if (dto.kind === 'rsv' && !supplier.registered_social_economy) {
    return 'is not registered as a social-economy enterprise (RSV); use kind subcontractor';
  }
  return null;
}

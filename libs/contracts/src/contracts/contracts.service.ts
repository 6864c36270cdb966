import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, ConflictError, InvalidInputError, NotFoundError } from '@klausul/domain';
import { assertSameSupplier } from '@klausul/identity';
import { SupplierRepository } from '../suppliers/supplier.repository';
import { type AddPartnerDto, type AlertView, type ContractView, toAlertView, toContractView } from './contract.dto';
import { ContractRepository } from './contract.repository';

/** Contracts the awards created: read by the unit and by the supplier they bind; partners registered by the unit. */
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractRepository,
    private readonly suppliers: SupplierRepository,
  ) {}

  async list(actor: Actor): Promise<ContractView[]> {
    const rows = await this.contracts.list(actor.municipalityId, actor.role === 'supplier_hr' ? actor.supplierId : null);
    return Promise.all(rows.map((row) => this.withParts(actor, row)));
  }

  async get(actor: Actor, id: string): Promise<ContractView> {
    return this.withParts(actor, await this.load(actor, id));
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

  async openAlerts(actor: Actor): Promise<AlertView[]> {
    return (await this.contracts.openAlerts(actor.municipalityId)).map(toAlertView);
  }

  private async withParts(actor: Actor, row: Record<string, any>): Promise<ContractView> {
    const [clauses, partners, alerts] = await Promise.all([
      this.contracts.clauses(row.id),
      this.contracts.partners(row.id),
      // Alerts are the unit's working list, not the supplier's.
      actor.role === 'supplier_hr' ? Promise.resolve([]) : this.contracts.openAlerts(actor.municipalityId, row.id),
    ]);
    return toContractView(row, { clauses, partners, alerts });
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, ConflictError, InvalidInputError, isUuid, NotFoundError } from '@klausul/domain';
import { assertSameSupplier } from '@klausul/identity';
import { Keyset, type Page } from '@klausul/paging';
import { type CreateSupplierDto, SUPPLIER_SORTS, type SupplierListQuery, type SupplierView, toSupplierView, type UpdateSupplierDto } from './supplier.dto';
import { SupplierRepository, type SupplierName } from './supplier.repository';

/** The municipality's register of suppliers, partners and RSVs. */
@Injectable()
export class SuppliersService {
  constructor(
    private readonly suppliers: SupplierRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async create(actor: Actor, dto: CreateSupplierDto): Promise<SupplierView> {
    const row = await this.suppliers.insert({
      municipalityId: actor.municipalityId,
      cvr: dto.cvr,
      name: dto.name,
      registeredSocialEconomy: dto.registeredSocialEconomy ?? false,
    });
    if (!row) throw new ConflictError(`a supplier with CVR number ${dto.cvr} is already registered`, { field: 'cvr' });
    return toSupplierView(row, []);
  }

  /** One page of suppliers with their HR contacts: two queries, whatever the page size. */
  async list(actor: Actor, query: SupplierListQuery): Promise<Page<SupplierView>> {
    const keyset = Keyset.of(query, SUPPLIER_SORTS, 'name', 's.id');
    const rows = await this.suppliers.list(actor.municipalityId, { rsv: query.rsv, prefix: query.q || undefined }, keyset);
    const contacts = await this.suppliers.hrContacts(rows.slice(0, keyset.limit).map((r) => r.id));
    return keyset.page(rows, (row) => toSupplierView(row, contacts.filter((c) => c.supplier_id === row.id)));
  }

  /** The names of the municipality's suppliers among these ids (a page's HR contacts, say): one query, whatever the register's size. */
  async namesOf(actor: Actor, ids: readonly string[]): Promise<SupplierName[]> {
    const unique = [...new Set(ids)].filter(isUuid);
    return unique.length ? this.suppliers.namesOf(actor.municipalityId, unique) : [];
  }

  /** A supplier HR contact sees only its own supplier; any other id is "not found". */
  async get(actor: Actor, id: string): Promise<SupplierView> {
    assertSameSupplier(actor, id, { what: 'supplier', id });
    const row = await this.suppliers.find(actor.municipalityId, id);
    if (!row) throw new NotFoundError('supplier', id);
    return toSupplierView(row, await this.suppliers.hrContacts([id]));
  }

  /** Corrects the name or the RSV flag; an RSV partner of a contract stays an RSV (its hires count as the RSV's). */
  async update(actor: Actor, id: string, dto: UpdateSupplierDto): Promise<SupplierView> {
    await this.dataSource.transaction(async (manager) => {
      const row = await this.suppliers.find(actor.municipalityId, id, manager);
      if (!row) throw new NotFoundError('supplier', id);
      if (row.registered_social_economy && !dto.registeredSocialEconomy) {
        const partnerships = await this.suppliers.rsvPartnerships(id, manager);
        if (partnerships > 0) {
          throw new InvalidInputError(`registeredSocialEconomy cannot be switched off: the supplier is the RSV partner of ${partnerships} contract(s)`, {
            fields: ['registeredSocialEconomy'],
          });
        }
      }
      await this.suppliers.update(actor.municipalityId, id, { name: dto.name, registeredSocialEconomy: dto.registeredSocialEconomy }, manager);
    });
    return this.get(actor, id);
  }
}

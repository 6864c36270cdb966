import { type Actor, NotFoundError } from '@klausul/domain';
import { assertSameMunicipality, assertSameSupplier } from './tenancy.policy';

const supplierA = '00000000-0000-4000-8000-00000000000a';
const supplierB = '00000000-0000-4000-8000-00000000000b';
const actor = (overrides: Partial<Actor>): Actor => ({
  municipalityId: 'm1',
  role: 'procurement_caseworker',
  userId: 'u1',
  apiKeyId: null,
  supplierId: null,
  ...overrides,
});

describe('assertSameSupplier', () => {
  const hr = actor({ role: 'supplier_hr', supplierId: supplierA });

  it('lets a supplier HR contact reach their own supplier', () => {
    expect(() => assertSameSupplier(hr, supplierA)).not.toThrow();
  });

  it("makes another supplier's data look non-existent", () => {
    expect(() => assertSameSupplier(hr, supplierB)).toThrow(NotFoundError);
    expect(() => assertSameSupplier(hr, null)).toThrow(NotFoundError);
  });

  it('names the subject the caller asked about, not the supplier', () => {
    expect(() => assertSameSupplier(hr, supplierB, { what: 'job order', id: 'j1' })).toThrow('job order j1 was not found');
  });

  it('leaves other roles to the municipality scope', () => {
    expect(() => assertSameSupplier(actor({}), supplierB)).not.toThrow();
    expect(() => assertSameSupplier(actor({ role: 'admin' }), null)).not.toThrow();
  });
});

describe('assertSameMunicipality', () => {
  it("makes another municipality's row look non-existent", () => {
    expect(() => assertSameMunicipality(actor({}), 'm1', { what: 'user', id: 'x' })).not.toThrow();
    expect(() => assertSameMunicipality(actor({}), 'm2', { what: 'user', id: 'x' })).toThrow(NotFoundError);
  });
});

import { type Actor, NotFoundError } from '@klausul/domain';

/**
 * A supplier HR contact sees only their own supplier's data; anything else must look
 * as if it did not exist (404, never 403). A no-op for every other role, which is
 * scoped by municipality instead.
 */
export function assertSameSupplier(
  actor: Actor,
  supplierId: string | null | undefined,
  subject: { what: string; id: string } = { what: 'supplier', id: String(supplierId) },
): void {
  if (actor.role === 'supplier_hr' && (!supplierId || actor.supplierId !== supplierId)) {
    throw new NotFoundError(subject.what, subject.id);
  }
}

/** A row of another municipality must look as if it did not exist (404). */
export function assertSameMunicipality(actor: Actor, municipalityId: string, subject: { what: string; id: string }): void {
  if (actor.municipalityId !== municipalityId) throw new NotFoundError(subject.what, subject.id);
}

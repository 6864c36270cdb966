import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor, Role } from '@klausul/domain';

/** A municipality of its own for a test, with a unique name. */
export async function createMunicipality(dataSource: DataSource, name = 'Testkommune'): Promise<string> {
  const [row] = await dataSource.query('INSERT INTO municipality (name) VALUES ($1) RETURNING id', [
    `${name} ${randomBytes(4).toString('hex')}`,
  ]);
  return row.id;
}

/** An actor as the authentication guard would resolve it, for tests below the HTTP layer. */
export function actorIn(municipalityId: string, role: Role = 'admin', supplierId: string | null = null): Actor {
  return { municipalityId, role, userId: null, apiKeyId: null, supplierId };
}

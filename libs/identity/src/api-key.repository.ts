import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { Actor } from '@klausul/domain';
import { ApiKey } from './api-key.entity';
import type { ApiKeyRole } from './identity.constants';

export interface NewApiKey {
  municipalityId: string;
  name: string;
  role: ApiKeyRole;
  keyHash: Buffer;
  createdBy: string | null;
}

@Injectable()
export class ApiKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get keys() {
    return this.dataSource.getRepository(ApiKey);
  }

  async insert(key: NewApiKey): Promise<ApiKey> {
    const result = await this.keys.insert(key);
    const id = (result.identifiers[0] as { id: string }).id;
    return this.keys.findOneByOrFail({ id });
  }

  listInMunicipality(municipalityId: string): Promise<ApiKey[]> {
    return this.keys.find({ where: { municipalityId }, order: { createdAt: 'DESC' } });
  }

  /** Revokes the key (keeping the first revocation time); false if no such key in this municipality. */
  async revoke(municipalityId: string, id: string): Promise<boolean> {
    const rows = (await this.dataSource.query(
      `UPDATE api_key SET revoked_at = COALESCE(revoked_at, now())
        WHERE id = $1 AND municipality_id = $2 RETURNING id`,
      [id, municipalityId],
    )) as [unknown[], number];
    return rows[1] > 0;
  }

  /** The integration actor behind a key that has not been revoked. */
  async findActor(keyHash: Buffer): Promise<Actor | null> {
    const key = await this.keys.findOne({ where: { keyHash, revokedAt: IsNull() } });
    if (!key) return null;
    return { municipalityId: key.municipalityId, role: key.role, userId: null, apiKeyId: key.id, supplierId: null };
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { Actor } from '@klausul/domain';
import type { Keyset } from '@klausul/paging';
import { ApiKey } from './api-key.entity';
import type { ApiKeyRole } from './identity.constants';

export interface NewApiKey {
  municipalityId: string;
  name: string;
  role: ApiKeyRole;
  keyHash: Buffer;
  createdBy: string | null;
}

/** A key of a list page and the sort value its cursor carries. */
export interface ApiKeyPageRow {
  id: string;
  page_key: string;
  key: ApiKey;
}

interface ApiKeyListRow {
  id: string;
  page_key: string;
  municipality_id: string;
  name: string;
  role: ApiKeyRole;
  created_by: string | null;
  created_at: Date;
  revoked_at: Date | null;
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

  /** One page of the municipality's keys (never their digests). */
  async list(municipalityId: string, keyset: Keyset): Promise<ApiKeyPageRow[]> {
    const params: unknown[] = [municipalityId];
    const rows: ApiKeyListRow[] = await this.dataSource.query(
      `SELECT k.id, k.municipality_id, k.name, k.role, k.created_by, k.created_at, k.revoked_at, ${keyset.keyColumn}
         FROM api_key k WHERE k.municipality_id = $1${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      page_key: row.page_key,
      key: this.keys.create({
        id: row.id,
        municipalityId: row.municipality_id,
        name: row.name,
        role: row.role,
        createdBy: row.created_by,
        createdAt: row.created_at,
        revokedAt: row.revoked_at,
      }),
    }));
  }

  /** One key of the municipality (another municipality's is null, like one that does not exist). */
  findInMunicipality(municipalityId: string, id: string): Promise<ApiKey | null> {
    return this.keys.findOneBy({ id, municipalityId });
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

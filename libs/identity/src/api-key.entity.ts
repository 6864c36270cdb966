import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ApiKeyRole } from './identity.constants';

/** A system integration's credential inside one municipality. Only the SHA-256 digest of the key is kept. */
@Entity({ name: 'api_key' })
export class ApiKey {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  role!: ApiKeyRole;

  @Column({ name: 'key_hash', type: 'bytea', select: false })
  keyHash?: Buffer;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

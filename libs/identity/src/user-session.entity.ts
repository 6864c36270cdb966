import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A signed-in browser or client. Only the SHA-256 digest of its token is kept. */
@Entity({ name: 'user_session' })
export class UserSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @Column({ name: 'token_hash', type: 'bytea', select: false })
  tokenHash?: Buffer;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ name: 'last_seen_at', type: 'timestamptz' })
  lastSeenAt!: Date;
}

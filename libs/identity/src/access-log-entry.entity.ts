import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One read of personal data: who (user or API key), what, when. Append-only. */
@Entity({ name: 'access_log' })
export class AccessLogEntry {
  /** bigserial: node-postgres hands it over as a string. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId!: string;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_api_key_id', type: 'uuid', nullable: true })
  actorApiKeyId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'subject_type', type: 'text' })
  subjectType!: string;

  @Column({ name: 'subject_id', type: 'text' })
  subjectId!: string;

  @Column({ type: 'timestamptz', insert: false, update: false })
  at!: Date;
}

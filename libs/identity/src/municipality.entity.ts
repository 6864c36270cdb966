import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A municipality (kommune): the tenant every row of domain data belongs to. */
@Entity({ name: 'municipality' })
export class Municipality {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;
}

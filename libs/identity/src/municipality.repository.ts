import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

@Injectable()
export class MunicipalityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The id of the municipality with this name, created if missing (safe under concurrency). */
  async ensure(name: string, manager: EntityManager = this.dataSource.manager): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO municipality (name) VALUES ($1)
       ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
       RETURNING id`,
      [name],
    )) as { id: string }[];
    return row.id;
  }
}

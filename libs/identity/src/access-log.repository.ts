import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessLogEntry } from './access-log-entry.entity';

export interface NewAccessLogEntry {
  municipalityId: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
}

@Injectable()
export class AccessLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(entry: NewAccessLogEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(AccessLogEntry).insert(entry);
  }

  /** Newest first; `before` is the id of the last entry of the previous page. */
  page(municipalityId: string, limit: number, before?: string): Promise<AccessLogEntry[]> {
    const query = this.dataSource
      .getRepository(AccessLogEntry)
      .createQueryBuilder('e')
      .where('e.municipality_id = :municipalityId', { municipalityId })
      .orderBy('e.id', 'DESC')
      .limit(limit);
    if (before !== undefined) query.andWhere('e.id < :before', { before });
    return query.getMany();
  }
}

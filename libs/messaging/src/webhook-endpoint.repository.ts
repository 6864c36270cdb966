import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface WebhookEndpoint {
  id: string;
  municipalityId: string;
  name: string;
  url: string;
  active: boolean;
}

/**
 * Where a municipality's webhooks go, and the secret that signs them. Managing endpoints
 * (per-municipality channel configuration) is for a later module; the secret never
 * leaves this table except into a signature.
 */
@Injectable()
export class WebhookEndpointRepository {
  async create(
    manager: EntityManager,
    endpoint: { municipalityId: string; name: string; url: string; secret: string; active?: boolean },
  ): Promise<WebhookEndpoint> {
    const [row] = await manager.query(
      `INSERT INTO webhook_endpoint (municipality_id, name, url, secret, active) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, municipality_id, name, url, active`,
      [endpoint.municipalityId, endpoint.name, endpoint.url, endpoint.secret, endpoint.active ?? true],
    );
    return toEndpoint(row);
  }

  async findActive(manager: EntityManager, municipalityId: string, id: string): Promise<WebhookEndpoint | null> {
    const [row] = await manager.query(
      'SELECT id, municipality_id, name, url, active FROM webhook_endpoint WHERE id = $1 AND municipality_id = $2 AND active',
      [id, municipalityId],
    );
    return row ? toEndpoint(row) : null;
  }

  async secretOf(manager: EntityManager, municipalityId: string, id: string): Promise<string | null> {
    const [row] = await manager.query(
      'SELECT secret FROM webhook_endpoint WHERE id = $1 AND municipality_id = $2 AND active',
      [id, municipalityId],
    );
    return row?.secret ?? null;
  }
}

function toEndpoint(row: Record<string, any>): WebhookEndpoint {
  return { id: row.id, municipalityId: row.municipality_id, name: row.name, url: row.url, active: row.active };
}

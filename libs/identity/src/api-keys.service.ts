import { Injectable, Logger } from '@nestjs/common';
import { type Actor, isUuid, NotFoundError } from '@klausul/domain';
import { Keyset, type Page, type PageQuery } from '@klausul/paging';
import { API_KEY_ORDER, type ApiKeyResponse, type CreateApiKeyRequest, type CreatedApiKeyResponse, toApiKeyResponse } from './api-key.dto';
import { ApiKeyRepository } from './api-key.repository';
import { digestOf, newApiKey } from './secret-token';

/** API keys of system integrations, managed by a municipality's admins. */
@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);

  constructor(private readonly apiKeys: ApiKeyRepository) {}

  /** The plain key is in this one response; only its digest is stored. */
  async create(actor: Actor, request: CreateApiKeyRequest): Promise<CreatedApiKeyResponse> {
    const key = newApiKey();
    const saved = await this.apiKeys.insert({
      municipalityId: actor.municipalityId,
      name: request.name,
      role: request.role,
      keyHash: digestOf(key),
      createdBy: actor.userId,
    });
    this.logger.log({ apiKeyId: saved.id, role: saved.role, by: actor.userId ?? actor.apiKeyId }, 'API key created');
    return { ...toApiKeyResponse(saved), key };
  }

  async list(actor: Actor, query: PageQuery): Promise<Page<ApiKeyResponse>> {
    const keyset = Keyset.of(query, API_KEY_ORDER, '-createdAt', 'k.id');
    return keyset.page(await this.apiKeys.list(actor.municipalityId, keyset), (row) => toApiKeyResponse(row.key));
  }

  /** One key (never the key itself); another municipality's is not found. */
  async get(actor: Actor, id: string): Promise<ApiKeyResponse> {
    const key = isUuid(id) ? await this.apiKeys.findInMunicipality(actor.municipalityId, id) : null;
    if (!key) throw new NotFoundError('API key', id);
    return toApiKeyResponse(key);
  }

  /** Idempotent; a key of another municipality is not found. */
  async revoke(actor: Actor, id: string): Promise<void> {
    if (!(await this.apiKeys.revoke(actor.municipalityId, id))) throw new NotFoundError('API key', id);
    this.logger.log({ apiKeyId: id, by: actor.userId ?? actor.apiKeyId }, 'API key revoked');
  }
}

import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import type { SortColumns } from '@klausul/paging';
import type { ApiKey } from './api-key.entity';
import { API_KEY_ROLES, type ApiKeyRole } from './identity.constants';

export class CreateApiKeyRequest {
  @ApiProperty({ example: 'Jobcenter Odense integration' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: API_KEY_ROLES })
  @IsIn(API_KEY_ROLES, { message: `role must be one of: ${API_KEY_ROLES.join(', ')}` })
  role!: ApiKeyRole;
}

/** The key list's one order, newest first (index (municipality_id, created_at, id)); it takes no sort parameter. */
export const API_KEY_ORDER = { createdAt: { sql: 'k.created_at', type: 'timestamptz' } } as const satisfies SortColumns;

export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: API_KEY_ROLES })
  role!: ApiKeyRole;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String })
  revokedAt!: string | null;
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({ description: 'The key itself, for the X-API-Key header. Shown only in this response.' })
  key!: string;
}

export function toApiKeyResponse(key: ApiKey): ApiKeyResponse {
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    createdAt: key.createdAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

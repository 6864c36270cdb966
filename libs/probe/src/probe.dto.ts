import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

export class CreateProbeDto {
  @ApiPropertyOptional({ description: 'Make its side effect fail permanently, to see a failed delivery and retry it' })
  @IsOptional()
  @IsBoolean()
  failPermanently?: boolean;
}

export class ProbeEventDto {
  @ApiPropertyOptional({ description: 'The version you last saw; a different current version is a 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number;

  @ApiPropertyOptional({ description: 'Why (required to close)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export const PROBE_EVENTS = ['ping', 'reset', 'close', 'reopen'] as const;

export class ProbeEventParams {
  @IsString()
  id!: string;

  @IsIn(PROBE_EVENTS, { message: `event must be one of ${PROBE_EVENTS.join(', ')}` })
  event!: (typeof PROBE_EVENTS)[number];
}

export interface ProbeView {
  id: string;
  state: string;
  version: number;
  deliveryStatus: string;
  effects: number;
  createdAt: string;
  updatedAt: string;
}

export function toProbeView(row: Record<string, any>): ProbeView {
  return {
    id: row.id,
    state: row.state,
    version: row.version,
    deliveryStatus: row.delivery_status,
    effects: Number(row.effects ?? 0),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

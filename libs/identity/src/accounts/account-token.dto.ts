import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { MUNICIPALITY_ROLES, type MunicipalityRole } from '@klausul/domain';
import type { SortColumns } from '@klausul/paging';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../identity.constants';
import type { AccountTokenRow } from './account-token.repository';
import { invitationState } from './account-token';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const normalisedEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class InviteRequest {
  @ApiProperty({ example: 'hr@busselskab.dk' })
  @Transform(normalisedEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ enum: MUNICIPALITY_ROLES, description: 'A procurement caseworker may invite supplier_hr only' })
  @IsIn(MUNICIPALITY_ROLES, { message: `role must be one of: ${MUNICIPALITY_ROLES.join(', ')}` })
  role!: MunicipalityRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required exactly when role is supplier_hr: a supplier of your municipality' })
  @ValidateIf((o: InviteRequest) => o.role === 'supplier_hr' || o.supplierId !== undefined)
  @IsUUID('all', { message: 'supplierId must be a UUID, and is required exactly when role is supplier_hr' })
  supplierId?: string;

  @ApiPropertyOptional({ example: 'Mette Hansen', description: 'The name the account gets; the person may change it when accepting' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(200)
  displayName?: string;
}

export const INVITATION_STATES = ['pending', 'accepted', 'replaced', 'expired'] as const;

export class InvitationResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ nullable: true, type: String }) displayName!: string | null;
  @ApiProperty({ enum: MUNICIPALITY_ROLES }) role!: MunicipalityRole;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) supplierId!: string | null;
  @ApiProperty({ enum: INVITATION_STATES, description: 'replaced: a newer invitation went to the same address' })
  state!: (typeof INVITATION_STATES)[number];
  @ApiProperty() createdAt!: string;
  @ApiProperty() expiresAt!: string;
  @ApiProperty({ nullable: true, type: String }) acceptedAt!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The user the acceptance created' }) userId!: string | null;
}

export function toInvitationResponse(row: AccountTokenRow, now: Date): InvitationResponse {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role!,
    supplierId: row.supplier_id,
    state: invitationState(row, now),
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    acceptedAt: row.used_at?.toISOString() ?? null,
    userId: row.user_id,
  };
}

/** The invitation list's one order, newest first (index (municipality_id, created_at, id)); it takes no sort parameter. */
export const INVITATION_ORDER = { createdAt: { sql: 't.created_at', type: 'timestamptz' } } as const satisfies SortColumns;

/** What the invitation page shows before the person chooses a password. */
export class InvitationPreviewResponse {
  @ApiProperty() email!: string;
  @ApiProperty({ enum: MUNICIPALITY_ROLES }) role!: MunicipalityRole;
  @ApiProperty({ nullable: true, type: String }) displayName!: string | null;
  @ApiProperty({ example: 'Odense Kommune' }) municipalityName!: string;
  @ApiProperty({ nullable: true, type: String, description: 'For supplier_hr' }) supplierName!: string | null;
  @ApiProperty() expiresAt!: string;
}

export class AcceptInvitationRequest {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;

  @ApiPropertyOptional({ description: 'The name to show; default: the name the invitation gave, else the e-mail address' })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(200)
  displayName?: string;
}

export class PasswordResetRequest {
  @ApiProperty({ example: 'hr@busselskab.dk' })
  @Transform(normalisedEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;
}

export class NewPasswordRequest {
  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

import { ApiProperty } from '@nestjs/swagger';
import { MUNICIPALITY_ROLES, type MunicipalityRole } from '@klausul/domain';
import type { SortColumns } from '@klausul/paging';
import { DisplayNameField, EmailField, HrSupplierField, MunicipalityRoleField, PasswordField } from '../user-fields';
import type { AccountTokenRow } from './account-token.repository';
import { invitationState } from './account-token';

export class InviteRequest {
  @EmailField('hr@busselskab.dk')
  email!: string;

  @MunicipalityRoleField({ description: 'A procurement caseworker may invite supplier_hr only' })
  role!: MunicipalityRole;

  @HrSupplierField('Required exactly when role is supplier_hr: a supplier of your municipality')
  supplierId?: string;

  @DisplayNameField({ optional: true, example: 'Mette Hansen', description: 'The name the account gets; the person may change it when accepting' })
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
  @PasswordField()
  password!: string;

  @DisplayNameField({ optional: true, description: 'The name to show; default: the name the invitation gave, else the e-mail address' })
  displayName?: string;
}

export class PasswordResetRequest {
  @EmailField('hr@busselskab.dk')
  email!: string;
}

export class NewPasswordRequest {
  @PasswordField()
  password!: string;
}

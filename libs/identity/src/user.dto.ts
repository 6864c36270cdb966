import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { MUNICIPALITY_ROLES, type MunicipalityRole, ROLES, type Role } from '@klausul/domain';
import { IsQueryBoolean, PageQuery, type SortColumns, sortValues } from '@klausul/paging';
import type { AppUser } from './app-user.entity';
import { DisplayNameField, EmailField, HrSupplierField, MunicipalityRoleField, PasswordField } from './user-fields';

export class MunicipalityResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Odense Kommune' })
  name!: string;
}

export class UserResponse {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'kontakt@odense.dk' })
  email!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: MunicipalityResponse })
  municipality!: MunicipalityResponse;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Set exactly for supplier_hr' })
  supplierId!: string | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty()
  createdAt!: string;
}

export function toUserResponse(user: AppUser): UserResponse {
  if (!user.municipality) throw new Error('toUserResponse needs the user loaded with its municipality');
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    municipality: { id: user.municipality.id, name: user.municipality.name },
    supplierId: user.supplierId,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}

export class CreateUserRequest {
  @EmailField('kontakt@odense.dk')
  email!: string;

  @DisplayNameField({ example: 'Mette Hansen' })
  displayName!: string;

  @MunicipalityRoleField()
  role!: MunicipalityRole;

  @HrSupplierField('Required exactly when role is supplier_hr')
  supplierId?: string;

  @PasswordField()
  password!: string;
}

export class UpdateUserRequest {
  @DisplayNameField({ optional: true })
  displayName?: string;

  @MunicipalityRoleField({ optional: true })
  role?: MunicipalityRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'The supplier of a supplier_hr user' })
  @IsOptional()
  @IsUUID('all', { message: 'supplierId must be a UUID' })
  supplierId?: string;

  @ApiPropertyOptional({ description: 'false signs the user out everywhere and refuses new sign-ins' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** How the user list sorts (keyset columns; each has an index ending in (column, id)). */
export const USER_SORTS = {
  email: { sql: 'u.email', type: 'text' },
  createdAt: { sql: 'u.created_at', type: 'timestamptz' },
} as const satisfies SortColumns;

export class UserListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(USER_SORTS), default: 'email' })
  @IsOptional()
  @IsIn(sortValues(USER_SORTS), { message: `sort must be one of: ${sortValues(USER_SORTS).join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ enum: MUNICIPALITY_ROLES })
  @IsOptional()
  @IsIn(MUNICIPALITY_ROLES, { message: `role must be one of: ${MUNICIPALITY_ROLES.join(', ')}` })
  role?: MunicipalityRole;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this supplier's HR contacts" })
  @IsOptional()
  @IsUUID('all', { message: 'supplierId must be a UUID' })
  supplierId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only users who may sign in; false: only deactivated users' })
  @IsOptional()
  @IsQueryBoolean()
  active?: boolean;
}

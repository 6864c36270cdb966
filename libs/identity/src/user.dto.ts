import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { MUNICIPALITY_ROLES, type MunicipalityRole, ROLES, type Role } from '@klausul/domain';
import { IsQueryBoolean, PageQuery, type SortColumns, sortValues } from '@klausul/paging';
import type { AppUser } from './app-user.entity';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './identity.constants';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const normalisedEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

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
  @ApiProperty({ example: 'kontakt@odense.dk' })
  @Transform(normalisedEmail)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ example: 'Mette Hansen' })
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(200)
  displayName!: string;

  // A municipality's admin gives municipality roles only; operators come from the installation's configuration.
  @ApiProperty({ enum: MUNICIPALITY_ROLES })
  @IsIn(MUNICIPALITY_ROLES, { message: `role must be one of: ${MUNICIPALITY_ROLES.join(', ')}` })
  role!: MunicipalityRole;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required exactly when role is supplier_hr' })
  @ValidateIf((o: CreateUserRequest) => o.role === 'supplier_hr' || o.supplierId !== undefined)
  @IsUUID('all', { message: 'supplierId must be a UUID, and is required exactly when role is supplier_hr' })
  supplierId?: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'displayName must not be empty' })
  @MaxLength(200)
  displayName?: string;

  @ApiPropertyOptional({ enum: MUNICIPALITY_ROLES })
  @IsOptional()
  @IsIn(MUNICIPALITY_ROLES, { message: `role must be one of: ${MUNICIPALITY_ROLES.join(', ')}` })
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

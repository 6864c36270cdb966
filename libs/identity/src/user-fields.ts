import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { MUNICIPALITY_ROLES } from '@klausul/domain';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './identity.constants';

/**
 * The rules of an account's fields, in one place: the user, invitation and password DTOs
 * compose these, so an e-mail address is normalised and a name trimmed alike everywhere.
 */

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const normalisedEmail = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

/** An e-mail address, trimmed and lower-cased (how accounts are looked up). */
export const EmailField = (example: string) =>
  applyDecorators(ApiProperty({ example }), Transform(normalisedEmail), IsEmail({}, { message: 'email must be an e-mail address' }), MaxLength(254));

/** A person's display name, trimmed, 1-200 characters; `optional` lets it be left out. */
export function DisplayNameField(options: { optional?: boolean; description?: string; example?: string } = {}) {
  const doc = { example: options.example, description: options.description };
  return applyDecorators(
    ...(options.optional ? [ApiPropertyOptional(doc), IsOptional()] : [ApiProperty(doc)]),
    Transform(trimmed),
    IsString(),
    MinLength(1, { message: 'displayName must not be empty' }),
    MaxLength(200),
  );
}

/** A role a municipality's admin can give (operators come from the installation's configuration). */
export function MunicipalityRoleField(options: { optional?: boolean; description?: string } = {}) {
  const doc = { enum: MUNICIPALITY_ROLES, description: options.description };
  return applyDecorators(
    ...(options.optional ? [ApiPropertyOptional(doc), IsOptional()] : [ApiProperty(doc)]),
    IsIn(MUNICIPALITY_ROLES, { message: `role must be one of: ${MUNICIPALITY_ROLES.join(', ')}` }),
  );
}

/** The supplier of a supplier HR contact: required exactly when the role is supplier_hr. */
export const HrSupplierField = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({ format: 'uuid', description }),
    ValidateIf((o: { role?: unknown; supplierId?: unknown }) => o.role === 'supplier_hr' || o.supplierId !== undefined),
    IsUUID('all', { message: 'supplierId must be a UUID, and is required exactly when role is supplier_hr' }),
  );

/** A new password: its length only (a passphrase of any characters). */
export const PasswordField = () =>
  applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH }),
    IsString(),
    MinLength(PASSWORD_MIN_LENGTH, { message: `password must be at least ${PASSWORD_MIN_LENGTH} characters` }),
    MaxLength(PASSWORD_MAX_LENGTH),
  );

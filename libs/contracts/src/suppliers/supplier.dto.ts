import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, registerDecorator } from 'class-validator';
import { IsQueryBoolean, PageQuery, type SortColumns, sortValues } from '@klausul/paging';
import { isoOf } from '../common/rows';
import { Trimmed } from '../common/validation';
import { isValidCvr, normaliseCvr } from './cvr';

function IsCvr(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCvr',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'cvr must be a valid Danish CVR number (8 digits that pass the modulus-11 check)' },
      validator: { validate: (value: unknown) => isValidCvr(value) },
    });
}

export class CreateSupplierDto {
  @ApiProperty({ example: '35209115', description: 'Danish CVR number; spaces and a DK prefix are ignored' })
  @Transform(({ value }: { value: unknown }) => normaliseCvr(value))
  @IsCvr()
  cvr!: string;

  @ApiProperty({ example: 'Fynsk Rutekørsel A/S' })
  @Trimmed()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name!: string;

  @ApiPropertyOptional({ description: 'A registered social-economy enterprise (RSV), e.g. FlexVirk', default: false })
  @IsOptional()
  @IsBoolean()
  registeredSocialEconomy?: boolean;
}

/** A supplier's name and RSV flag, as the unit corrects them (the CVR number is the supplier and does not change). */
export class UpdateSupplierDto extends PickType(CreateSupplierDto, ['name'] as const) {
  @ApiProperty({ description: 'A registered social-economy enterprise (RSV); cannot be switched off while it is an RSV partner of a contract' })
  @IsBoolean()
  registeredSocialEconomy!: boolean;
}

/** How the supplier list sorts (keyset columns; each has an index ending in (column, id)). */
export const SUPPLIER_SORTS = {
  name: { sql: 's.name', type: 'text' },
  createdAt: { sql: 's.created_at', type: 'timestamptz' },
} as const satisfies SortColumns;

export class SupplierListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: sortValues(SUPPLIER_SORTS), default: 'name' })
  @IsOptional()
  @IsIn(sortValues(SUPPLIER_SORTS), { message: `sort must be one of: ${sortValues(SUPPLIER_SORTS).join(', ')}` })
  sort?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only registered social-economy enterprises (RSVs); false: only the others' })
  @IsOptional()
  @IsQueryBoolean()
  rsv?: boolean;

  @ApiPropertyOptional({ maxLength: 100, description: 'The start of the name (in any case) or of the CVR number; empty for all' })
  @IsOptional()
  @Trimmed()
  @IsString({ message: 'q must be text' })
  @MaxLength(100, { message: 'q must be at most 100 characters' })
  @Matches(/^\P{Cc}*$/u, { message: 'q must not contain control characters' })
  q?: string;
}

export class HrContactView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty()
  email!: string;
}

export class SupplierView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  cvr!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  registeredSocialEconomy!: boolean;

  @ApiProperty({ type: [HrContactView], description: 'Users with role supplier_hr of this supplier' })
  hrContacts!: HrContactView[];

  @ApiProperty()
  createdAt!: string;
}

export function toSupplierView(row: Record<string, any>, contacts: Record<string, any>[]): SupplierView {
  return {
    id: row.id,
    cvr: row.cvr,
    name: row.name,
    registeredSocialEconomy: row.registered_social_economy,
    hrContacts: contacts.map((c) => ({ id: c.id, displayName: c.display_name, email: c.email })),
    createdAt: isoOf(row.created_at),
  };
}

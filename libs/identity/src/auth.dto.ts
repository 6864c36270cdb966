import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './identity.constants';
import { UserResponse } from './user.dto';

export class LoginRequest {
  @ApiProperty({ example: 'admin@klausul.local' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'password must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'The session token, for `Authorization: Bearer`; browsers use the cookie instead' })
  token!: string;

  @ApiProperty()
  expiresAt!: string;

  @ApiProperty({ type: UserResponse })
  user!: UserResponse;
}

export class ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'currentPassword must not be empty' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `newPassword must be at least ${PASSWORD_MIN_LENGTH} characters` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

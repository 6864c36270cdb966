import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessLogController } from './access-log.controller';
import { AccessLogEntry } from './access-log-entry.entity';
import { AccessLogRepository } from './access-log.repository';
import { AccessLogService } from './access-log.service';
import { AccountTokenRepository } from './accounts/account-token.repository';
import { InvitationService } from './accounts/invitation.service';
import { InvitationsController } from './accounts/invitations.controller';
import { PasswordResetController } from './accounts/password-reset.controller';
import { PasswordResetService } from './accounts/password-reset.service';
import { AccountController } from './account.controller';
import { AccountService } from './account.service';
import { ApiKey } from './api-key.entity';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AppUser } from './app-user.entity';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { BootstrapAdminService } from './bootstrap-admin.service';
import { CredentialService } from './credential.service';
import { LoginRateLimitGuard } from './login-rate-limit.guard';
import { Municipality } from './municipality.entity';
import { MunicipalityRepository } from './municipality.repository';
import { PasswordHasher } from './password-hasher';
import { RateLimitRepository } from './rate-limit.repository';
import { SessionRepository } from './session.repository';
import { UserSession } from './user-session.entity';
import { UserRepository } from './user.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/**
 * Municipalities (tenants), users, sessions, API keys, roles, the access log, and
 * invitations and password resets (single-use links by e-mail).
 * Registers the global authentication guard: every route of the API needs an actor
 * unless it is @Public(). Imported by the API only; the first admin is created on start.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Municipality, AppUser, UserSession, ApiKey, AccessLogEntry])],
  controllers: [AuthController, PasswordResetController, AccountController, UsersController, InvitationsController, ApiKeysController, AccessLogController],
  providers: [
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    LoginRateLimitGuard,
    RateLimitRepository,
    CredentialService,
    PasswordHasher,
    MunicipalityRepository,
    UserRepository,
    SessionRepository,
    ApiKeyRepository,
    AccessLogRepository,
    AuthService,
    AccountService,
    UsersService,
    ApiKeysService,
    AccessLogService,
    BootstrapAdminService,
    AccountTokenRepository,
    InvitationService,
    PasswordResetService,
  ],
  exports: [
    AccessLogService, CredentialService, AuthService, AccountService, LoginRateLimitGuard, RateLimitRepository, InvitationService, PasswordResetService,
    UsersService, ApiKeysService,
  ],
})
export class IdentityModule {}

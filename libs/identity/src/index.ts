export { IdentityModule } from './identity.module';
export { Public, IS_PUBLIC_KEY } from './public.decorator';
export { Roles, ROLES_KEY } from './roles.decorator';
export { CurrentActor } from './current-actor.decorator';
export type { AuthenticatedRequest } from './authenticated-request';
export { assertSameMunicipality, assertSameSupplier } from './tenancy.policy';
export { AccessLogService, type AccessLogRecord } from './access-log.service';
export { BootstrapAdminService } from './bootstrap-admin.service';
export { type GeneratedPassword, generatedPasswordsPath, recordGeneratedPasswords } from './generated-passwords';
export { hashPasswordOnThisThread, PasswordHasher } from './password-hasher';
export { digestOf, newApiKey, newSessionToken } from './secret-token';
export {
  API_KEY_HEADER,
  API_KEY_PREFIX,
  API_KEY_ROLES,
  type ApiKeyRole,
  PASSWORD_MIN_LENGTH,
  SESSION_COOKIE,
} from './identity.constants';
export { LOGIN_ATTEMPTS_PER_WINDOW, LOGIN_WINDOW_MS } from './login-rate-limit.guard';
export { Municipality } from './municipality.entity';
export { AppUser } from './app-user.entity';
export { UserSession } from './user-session.entity';
export { ApiKey } from './api-key.entity';
export { AccessLogEntry } from './access-log-entry.entity';
export { readCredential } from './authentication.guard';
export { breaksCsrfRule, CSRF_HEADER, csrfMiddleware, SAFE_METHODS } from './csrf';
export { CredentialService, type Credential } from './credential.service';
export { WebForms, WEB_FORM_KEY } from './web-form.decorator';
export { FORM_COOKIE, FORM_TOKEN_FIELD, formTokenMatches, formTokenOf, issueFormToken } from './form-token';
export { AuthService } from './auth.service';
export { AccountService } from './account.service';
export { sessionCookieOptions } from './session-cookie';
export { LoginRateLimitGuard } from './login-rate-limit.guard';
export { isOpenPath } from './authentication.guard';
export { AccountMail, type AccountMailDraft } from './accounts/account-mail';
export { InvitationService } from './accounts/invitation.service';
export { PasswordResetService, type ResetRequestOutcome } from './accounts/password-reset.service';
export {
  AcceptInvitationRequest,
  InvitationPreviewResponse,
  InvitationResponse,
  InviteRequest,
  NewPasswordRequest,
  PasswordResetRequest,
} from './accounts/account-token.dto';
export { INVITATION_TTL_MS, PASSWORD_RESET_TTL_MS, RESET_MAILS_PER_ACCOUNT, RESET_REQUESTS_PER_ADDRESS } from './accounts/account-token';
export type { SignedIn } from './auth.service';
// The unit's administration pages (libs/web/src/unit/admin).
export { UsersService } from './users.service';
export { ApiKeysService } from './api-keys.service';
export { UpdateUserRequest, type UserResponse } from './user.dto';
export { CreateApiKeyRequest, type ApiKeyResponse, type CreatedApiKeyResponse } from './api-key.dto';

import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { PasswordHasher } from './password-hasher';
import { digestOf, newSessionToken } from './secret-token';
import { SessionRepository } from './session.repository';
import { unauthenticated } from './unauthenticated';
import { toUserResponse, type UserResponse } from './user.dto';
import { UserRepository } from './user.repository';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: UserResponse;
}

/** One message for an unknown e-mail, a wrong password and a deactivated user: none of them is revealed. */
const SIGN_IN_REFUSED = 'The e-mail address or the password is wrong';

@Injectable()
export class AuthService {
  private readonly logger = new Logger(AuthService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Checks the password and opens a session; the token is returned once and stored only as a digest. */
  async login(email: string, password: string): Promise<SignedIn> {
    const record = await this.users.findSignInByEmail(email);
    const passwordOk = record
      ? await this.hasher.verify(record.passwordHash, password)
      : await this.hasher.verifyDecoy(password);
    if (!record || !passwordOk || !record.active) {
      this.logger.log('sign-in refused');
      throw unauthenticated(SIGN_IN_REFUSED);
    }
    const token = newSessionToken();
    const session = await this.sessions.create(record, digestOf(token), this.config.identity.sessionTtlHours);
    const user = await this.users.findOwn(record.id);
    this.logger.log({ userId: record.id, sessionId: session.id }, 'signed in');
    return { token, expiresAt: session.expiresAt, user: toUserResponse(user!) };
  }

  /** Ends the session the request came with; an API key has no session to end. */
  async logout(sessionId: string | undefined): Promise<void> {
    if (sessionId) await this.sessions.revoke(sessionId);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, ForbiddenError, InvalidInputError, NotFoundError } from '@klausul/domain';
import { PasswordHasher } from './password-hasher';
import { SessionRepository } from './session.repository';
import { toUserResponse, type UserResponse } from './user.dto';
import { UserRepository } from './user.repository';

/** The signed-in person's own account. */
@Injectable()
export class AccountService {
  private readonly logger = new Logger(AccountService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async profile(actor: Actor): Promise<UserResponse> {
    const userId = requireUser(actor);
    const user = await this.users.findOwn(userId);
    if (!user) throw new NotFoundError('user', userId);
    return toUserResponse(user);
  }

  /** Changes the password and ends every other session of the user, in one transaction. */
  async changePassword(actor: Actor, currentSessionId: string | undefined, currentPassword: string, newPassword: string): Promise<void> {
    const userId = requireUser(actor);
    if (currentPassword === newPassword) {
      throw new InvalidInputError('newPassword must differ from currentPassword', { field: 'newPassword' });
    }
    const newHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      const record = await this.users.findSignInById(userId, manager);
      if (!record) throw new NotFoundError('user', userId);
      if (!(await this.hasher.verify(record.passwordHash, currentPassword))) {
        throw new InvalidInputError('currentPassword is not the current password', { field: 'currentPassword' });
      }
      await this.users.setPassword(userId, newHash, manager);
      await this.sessions.revokeAllOfUser(userId, manager, currentSessionId);
    });
    this.logger.log({ userId }, 'password changed; other sessions ended');
  }
}

function requireUser(actor: Actor): string {
  if (!actor.userId) throw new ForbiddenError('An API key has no user account; sign in as a person');
  return actor.userId;
}

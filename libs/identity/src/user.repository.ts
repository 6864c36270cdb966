import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { ConflictError, InvalidInputError, type Role } from '@klausul/domain';
import { AppUser } from './app-user.entity';
import { isForeignKeyViolation, isUniqueViolation, withoutPersonalData } from './postgres-errors';

export interface NewUser {
  municipalityId: string;
  email: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  supplierId: string | null;
}

export type UserChanges = Partial<Pick<AppUser, 'displayName' | 'role' | 'supplierId' | 'active'>>;

/** What sign-in needs: the password hash and whether the user may sign in. */
export interface SignInRecord {
  id: string;
  municipalityId: string;
  passwordHash: string;
  active: boolean;
}

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private users(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(AppUser);
  }

  /** A user of this municipality with its municipality loaded; null for any other municipality. */
  findInMunicipality(municipalityId: string, id: string, manager?: EntityManager): Promise<AppUser | null> {
    return this.users(manager).findOne({ where: { id, municipalityId }, relations: { municipality: true } });
  }

  /** Locks the user's row for the rest of the transaction; null for any other municipality. */
  lockInMunicipality(municipalityId: string, id: string, manager: EntityManager): Promise<AppUser | null> {
    return this.users(manager).findOne({ where: { id, municipalityId }, lock: { mode: 'pessimistic_write' } });
  }

  listInMunicipality(municipalityId: string): Promise<AppUser[]> {
    return this.users().find({
      where: { municipalityId },
      relations: { municipality: true },
      order: { email: 'ASC' },
    });
  }

  async findSignInByEmail(email: string): Promise<SignInRecord | null> {
    const user = await this.users()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    return user ? this.signInRecord(user) : null;
  }

  async findSignInById(id: string, manager?: EntityManager): Promise<SignInRecord | null> {
    const user = await this.users(manager)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    return user ? this.signInRecord(user) : null;
  }

  async anyExists(manager?: EntityManager): Promise<boolean> {
    return (await this.users(manager).createQueryBuilder('u').select('1').limit(1).getRawOne()) !== undefined;
  }

  /** Inserts a user; a taken e-mail address is a ConflictError. */
  async insert(user: NewUser, manager?: EntityManager): Promise<string> {
    try {
      const result = await this.users(manager).insert(user);
      return (result.identifiers[0] as { id: string }).id;
    } catch (error) {
      if (isUniqueViolation(error, 'app_user_email_key')) {
        throw new ConflictError('A user with this e-mail address already exists');
      }
      throw unknownSupplierOr(error);
    }
  }

  async update(id: string, changes: UserChanges, manager?: EntityManager): Promise<void> {
    if (Object.keys(changes).length === 0) return;
    try {
      await this.users(manager).update({ id }, changes);
    } catch (error) {
      throw unknownSupplierOr(error);
    }
  }

  async setPassword(id: string, passwordHash: string, manager?: EntityManager): Promise<void> {
    await (manager ?? this.dataSource.manager).query(
      'UPDATE app_user SET password_hash = $2, password_changed_at = now() WHERE id = $1',
      [id, passwordHash],
    );
  }

  private signInRecord(user: AppUser): SignInRecord {
    return { id: user.id, municipalityId: user.municipalityId, passwordHash: user.passwordHash!, active: user.active };
  }
}

/** A supplier HR contact must belong to a supplier of the same municipality. */
function unknownSupplierOr(error: unknown): unknown {
  if (isForeignKeyViolation(error, 'app_user_supplier_fkey')) {
    return new InvalidInputError('supplierId must be a supplier of your municipality', { field: 'supplierId' });
  }
  return withoutPersonalData(error);
}

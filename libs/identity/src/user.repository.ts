import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Not } from 'typeorm';
import { ConflictError, InvalidInputError, OPERATOR_ROLE, type Role } from '@klausul/domain';
import type { Keyset } from '@klausul/paging';
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

/** What the user list narrows to, inside the municipality. */
export interface UserListFilters {
  role?: Role;
  supplierId?: string;
  active?: boolean;
}

/** A user of a list page, loaded with its municipality, and the sort value its cursor carries. */
export interface UserPageRow {
  id: string;
  page_key: string;
  user: AppUser;
}

interface UserListRow {
  id: string;
  page_key: string;
  municipality_id: string;
  municipality_name: string;
  municipality_created_at: Date;
  email: string;
  display_name: string;
  role: Role;
  supplier_id: string | null;
  active: boolean;
  password_changed_at: Date;
  created_at: Date;
}

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

  /**
   * A user of this municipality with its municipality loaded; null for any other municipality,
   * and for an operator, who is the installation's and not the municipality's to manage.
   */
  findInMunicipality(municipalityId: string, id: string, manager?: EntityManager): Promise<AppUser | null> {
    return this.users(manager).findOne({ where: { id, municipalityId, role: Not(OPERATOR_ROLE) }, relations: { municipality: true } });
  }

  /** The signed-in user's own row, whatever the role, with its municipality loaded. */
  findOwn(id: string, manager?: EntityManager): Promise<AppUser | null> {
    return this.users(manager).findOne({ where: { id }, relations: { municipality: true } });
  }

  /** Locks the user's row for the rest of the transaction; null for any other municipality and for an operator. */
  lockInMunicipality(municipalityId: string, id: string, manager: EntityManager): Promise<AppUser | null> {
    return this.users(manager).findOne({ where: { id, municipalityId, role: Not(OPERATOR_ROLE) }, lock: { mode: 'pessimistic_write' } });
  }

  /** The user with this e-mail address, if any (its role decides what the bootstrap may do). */
  async findRoleByEmail(email: string, manager?: EntityManager): Promise<Role | null> {
    const user = await this.users(manager).findOne({ where: { email }, select: { id: true, role: true } });
    return user?.role ?? null;
  }

  /** One page of the municipality's users, each with its municipality, in one query. */
  async list(municipalityId: string, filters: UserListFilters, keyset: Keyset): Promise<UserPageRow[]> {
    const params: unknown[] = [municipalityId];
    const where = ['u.municipality_id = $1', `u.role <> '${OPERATOR_ROLE}'`];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (filters.role) add('u.role = ?', filters.role);
    if (filters.supplierId) add('u.supplier_id = ?', filters.supplierId);
    if (filters.active !== undefined) add('u.active = ?', filters.active);
    const rows: UserListRow[] = await this.dataSource.query(
      `SELECT u.id, u.email, u.display_name, u.role, u.supplier_id, u.active, u.password_changed_at, u.created_at,
              m.id AS municipality_id, m.name AS municipality_name, m.created_at AS municipality_created_at, ${keyset.keyColumn}
         FROM app_user u JOIN municipality m ON m.id = u.municipality_id
        WHERE ${where.join(' AND ')}${keyset.condition(params)}${keyset.orderAndLimit}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      page_key: row.page_key,
      user: this.users().create({
        id: row.id,
        municipalityId: row.municipality_id,
        municipality: { id: row.municipality_id, name: row.municipality_name, createdAt: row.municipality_created_at },
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        supplierId: row.supplier_id,
        active: row.active,
        passwordChangedAt: row.password_changed_at,
        createdAt: row.created_at,
      }),
    }));
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

  /** Whether any municipality user exists (operators do not count: they administer no municipality). */
  async anyExists(manager?: EntityManager): Promise<boolean> {
    const row: unknown = await this.users(manager).createQueryBuilder('u').select('1').where('u.role <> :operator', { operator: OPERATOR_ROLE }).limit(1).getRawOne();
    return row !== undefined;
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

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Actor, InvalidInputError, NotFoundError, type Role } from '@klausul/domain';
import { Keyset, type Page } from '@klausul/paging';
import { PasswordHasher } from './password-hasher';
import { SessionRepository } from './session.repository';
import {
  type CreateUserRequest,
  toUserResponse,
  type UpdateUserRequest,
  USER_SORTS,
  type UserListQuery,
  type UserResponse,
} from './user.dto';
import { type UserChanges, UserRepository } from './user.repository';

/** User management by a municipality's admins; every operation stays inside the admin's municipality. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async list(actor: Actor, query: UserListQuery): Promise<Page<UserResponse>> {
    const keyset = Keyset.of(query, USER_SORTS, 'email', 'u.id');
    const rows = await this.users.list(actor.municipalityId, { role: query.role, supplierId: query.supplierId, active: query.active }, keyset);
    return keyset.page(rows, (row) => toUserResponse(row.user));
  }

  /** A user of another municipality is reported as not found, exactly like one that does not exist. */
  async get(actor: Actor, id: string): Promise<UserResponse> {
    const user = await this.users.findInMunicipality(actor.municipalityId, id);
    if (!user) throw new NotFoundError('user', id);
    return toUserResponse(user);
  }

  async create(actor: Actor, request: CreateUserRequest): Promise<UserResponse> {
    const supplierId = supplierOf(request.role, request.supplierId ?? null);
    const id = await this.users.insert({
      municipalityId: actor.municipalityId,
      email: request.email,
      displayName: request.displayName,
      passwordHash: await this.hasher.hash(request.password),
      role: request.role,
      supplierId,
    });
    this.logger.log({ userId: id, role: request.role, by: actor.userId ?? actor.apiKeyId }, 'user created');
    return this.get(actor, id);
  }

  /** Deactivating a user ends all of their sessions in the same transaction. */
  async update(actor: Actor, id: string, request: UpdateUserRequest): Promise<UserResponse> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.lockInMunicipality(actor.municipalityId, id, manager);
      if (!user) throw new NotFoundError('user', id);
      if (user.id === actor.userId && (request.active === false || (request.role && request.role !== user.role))) {
        throw new InvalidInputError('An admin cannot deactivate or change the role of their own account', {
          field: request.active === false ? 'active' : 'role',
        });
      }
      const role = request.role ?? user.role;
      const changes: UserChanges = {
        ...(request.displayName !== undefined ? { displayName: request.displayName } : {}),
        ...(request.active !== undefined ? { active: request.active } : {}),
        role,
        supplierId: supplierOf(role, request.supplierId ?? (role === 'supplier_hr' ? user.supplierId : null)),
      };
      await this.users.update(id, changes, manager);
      if (user.active && request.active === false) await this.sessions.revokeAllOfUser(id, manager);
    });
    this.logger.log({ userId: id, by: actor.userId ?? actor.apiKeyId, fields: Object.keys(request) }, 'user changed');
    return this.get(actor, id);
  }

  /**
   * The names of the people and API keys behind a page of history or audit entries (two
   * queries, whatever the page's length); ids of another municipality are left out.
   */
  async displayNames(actor: Actor, ids: { userIds?: readonly (string | null)[]; apiKeyIds?: readonly (string | null)[] }): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    const distinct = (list?: readonly (string | null)[]) => [...new Set((list ?? []).filter((id): id is string => !!id))];
    const userIds = distinct(ids.userIds);
    const apiKeyIds = distinct(ids.apiKeyIds);
    const [users, keys]: { id: string; name: string }[][] = await Promise.all([
      userIds.length
        ? this.dataSource.query('SELECT id, display_name AS name FROM app_user WHERE id = ANY($1::uuid[]) AND municipality_id = $2', [userIds, actor.municipalityId])
        : [],
      apiKeyIds.length
        ? this.dataSource.query('SELECT id, name FROM api_key WHERE id = ANY($1::uuid[]) AND municipality_id = $2', [apiKeyIds, actor.municipalityId])
        : [],
    ]);
    for (const row of [...users, ...keys]) names.set(row.id, row.name);
    return names;
  }
}

/** A supplier HR contact belongs to exactly one supplier; no other role belongs to any. */
function supplierOf(role: Role, supplierId: string | null): string | null {
  if (role === 'supplier_hr' && !supplierId) {
    throw new InvalidInputError('supplierId is required when role is supplier_hr', { field: 'supplierId' });
  }
  if (role !== 'supplier_hr' && supplierId) {
    throw new InvalidInputError('supplierId is only for the role supplier_hr', { field: 'supplierId' });
  }
  return supplierId;
}

import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { Actor, Role } from '@klausul/domain';
import { type ApiKeyRole, digestOf, hashPasswordOnThisThread, newApiKey, newSessionToken } from '@klausul/identity';

/** The password factory users get unless a test picks one. */
export const TEST_PASSWORD = 'correct horse battery staple';

export interface TestMunicipality {
  id: string;
  name: string;
}

export interface TestUser {
  id: string;
  municipalityId: string;
  email: string;
  password: string;
  displayName: string;
  role: Role;
  supplierId: string | null;
  /** The Actor the API resolves for this user. */
  actor: Actor;
}

export interface UserOptions {
  /** A new municipality when omitted. */
  municipalityId?: string;
  role?: Role;
  /** For supplier_hr; a random one when omitted. */
  supplierId?: string;
  email?: string;
  password?: string;
  displayName?: string;
  active?: boolean;
}

export interface TestApiKey {
  id: string;
  key: string;
  municipalityId: string;
  role: ApiKeyRole;
  actor: Actor;
}

const unique = () => randomBytes(5).toString('hex');

/** Bearer authentication headers for supertest's `.set(...)`. */
export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/** Signs in through the API (counts towards the login rate limit of that e-mail address). */
export async function login(app: INestApplication, email: string, password = TEST_PASSWORD): Promise<string> {
  const res = await request(app.getHttpServer()).post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed with ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

/**
 * Builds identity data directly in a test application's database: municipalities,
 * users with a known password, API keys and sessions.
 *
 *   const identity = new IdentityFactory(app);
 *   const { user, token } = await identity.signedIn({ role: 'supplier_hr' });
 *   await request(app.getHttpServer()).get('/api/v1/me').set(bearer(token)).expect(200);
 */
export class IdentityFactory {
  private readonly dataSource: DataSource;
  private readonly hashes = new Map<string, Promise<string>>();

  /** From a test application, or from a DataSource for tests below the HTTP layer. */
  constructor(source: INestApplication | DataSource) {
    this.dataSource = source instanceof DataSource ? source : source.get(DataSource);
  }

  async municipality(name = `Test Kommune ${unique()}`): Promise<TestMunicipality> {
    const [row] = (await this.dataSource.query('INSERT INTO municipality (name) VALUES ($1) RETURNING id', [name])) as {
      id: string;
    }[];
    return { id: row.id, name };
  }

  async user(options: UserOptions = {}): Promise<TestUser> {
    const role = options.role ?? 'procurement_caseworker';
    const municipalityId = options.municipalityId ?? (await this.municipality()).id;
    const supplierId = role === 'supplier_hr' ? (options.supplierId ?? (await this.supplier(municipalityId))) : null;
    const email = (options.email ?? `${role.replace(/_/g, '-')}-${unique()}@example.test`).toLowerCase();
    const password = options.password ?? TEST_PASSWORD;
    const displayName = options.displayName ?? `Test ${role}`;
    const [row] = (await this.dataSource.query(
      `INSERT INTO app_user (municipality_id, email, display_name, password_hash, role, supplier_id, active)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [municipalityId, email, displayName, await this.hashOf(password), role, supplierId, options.active ?? true],
    )) as { id: string }[];
    return {
      id: row.id,
      municipalityId,
      email,
      password,
      displayName,
      role,
      supplierId,
      actor: { municipalityId, role, userId: row.id, apiKeyId: null, supplierId },
    };
  }

  /** A session opened directly in the database (no HTTP, no rate limit); returns its token. */
  async session(user: Pick<TestUser, 'id' | 'municipalityId'>, expiresAt = new Date(Date.now() + 3_600_000)): Promise<string> {
    const token = newSessionToken();
    await this.dataSource.query(
      `INSERT INTO user_session (user_id, municipality_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [user.id, user.municipalityId, digestOf(token), expiresAt],
    );
    return token;
  }

  /** A new user with a live session: what most authorisation tests need. */
  async signedIn(options: UserOptions = {}): Promise<{ user: TestUser; token: string }> {
    const user = await this.user(options);
    return { user, token: await this.session(user) };
  }

  /** A supplier of the municipality (for a supplier HR contact that needs one). */
  async supplier(municipalityId: string): Promise<string> {
    const cvr = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
    const [row] = await this.query<{ id: string }>(
      'INSERT INTO supplier (municipality_id, cvr, name) VALUES ($1, $2, $3) RETURNING id',
      [municipalityId, cvr, `Leverandør ${cvr}`],
    );
    return row.id;
  }

  async apiKey(options: { municipalityId?: string; role?: ApiKeyRole; name?: string } = {}): Promise<TestApiKey> {
    const role = options.role ?? 'jobcenter_contact';
    const municipalityId = options.municipalityId ?? (await this.municipality()).id;
    const key = newApiKey();
    const [row] = (await this.dataSource.query(
      `INSERT INTO api_key (municipality_id, name, role, key_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
      [municipalityId, options.name ?? `test key ${unique()}`, role, digestOf(key)],
    )) as { id: string }[];
    return {
      id: row.id,
      key,
      municipalityId,
      role,
      actor: { municipalityId, role, userId: null, apiKeyId: row.id, supplierId: null },
    };
  }

  /** Runs SQL against the test database (assertions on rows). */
  query<T = Record<string, unknown>>(sql: string, parameters: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, parameters) as Promise<T[]>;
  }

  private hashOf(password: string): Promise<string> {
    let hash = this.hashes.get(password);
    if (!hash) {
      hash = hashPasswordOnThisThread(password);
      this.hashes.set(password, hash);
    }
    return hash;
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { Clock, OPERATOR_ROLE } from '@klausul/domain';
import { recordGeneratedPasswords } from './generated-passwords';
import { MunicipalityRepository } from './municipality.repository';
import { PasswordHasher } from './password-hasher';
import { newPassword } from './secret-token';
import { UserRepository } from './user.repository';

/** Transaction-level advisory lock that serialises the first-admin bootstrap across processes ("klau" + 1). */
export const BOOTSTRAP_LOCK_KEY = 0x6b6c6176;

/**
 * On an empty database, creates the first municipality and its admin, so a fresh
 * install can be signed into; with OPERATOR_EMAIL, creates the installation's operator.
 * API processes starting together create exactly one of each. A generated password is
 * never logged: it goes to the 0600 file under KLAUSUL_DATA_DIR, and the log names the file.
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapAdminService.name);

  constructor(
    private readonly users: UserRepository,
    private readonly municipalities: MunicipalityRepository,
    private readonly hasher: PasswordHasher,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureFirstAdmin();
    await this.ensureOperator();
  }

  /** Returns whether this call created the admin. */
  async ensureFirstAdmin(): Promise<boolean> {
    if (await this.users.anyExists()) return false;
    const { adminEmail, adminPassword, bootstrapMunicipality } = this.config.identity;
    const password = adminPassword ?? newPassword();
    const passwordHash = await this.hasher.hash(password); // outside the lock: hashing takes a while

    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
      if (await this.users.anyExists(manager)) return false;
      const municipalityId = await this.municipalities.ensure(bootstrapMunicipality, manager);
      await this.users.insert(
        { municipalityId, email: adminEmail, displayName: 'Administrator', passwordHash, role: 'admin', supplierId: null },
        manager,
      );
      return true;
    });
    if (!created) return false;
    if (adminPassword) {
      this.logger.warn('created the first admin from ADMIN_EMAIL and ADMIN_PASSWORD');
    } else {
      await this.announceGenerated('the first admin', [{ role: 'admin', email: adminEmail, password }]);
    }
    return true;
  }

  /**
   * Creates the operator named by OPERATOR_EMAIL unless a user has that address. Returns
   * whether this call created it. The operator belongs to no municipality's user list.
   */
  async ensureOperator(): Promise<boolean> {
    const { email, password: configured } = this.config.operator;
    if (!email) return false;
    const existing = await this.users.findRoleByEmail(email);
    if (existing) {
      if (existing !== OPERATOR_ROLE) this.logger.error(`OPERATOR_EMAIL is the address of a user with the role ${existing}: no operator was created`);
      return false;
    }
    const password = configured ?? newPassword();
    const passwordHash = await this.hasher.hash(password);
    const created = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
      if (await this.users.findRoleByEmail(email, manager)) return false;
      const municipalityId = await this.municipalities.ensure(this.config.identity.bootstrapMunicipality, manager);
      await this.users.insert(
        { municipalityId, email, displayName: 'Operator', passwordHash, role: OPERATOR_ROLE, supplierId: null },
        manager,
      );
      return true;
    });
    if (!created) return false;
    if (configured) this.logger.warn('created the operator from OPERATOR_EMAIL and OPERATOR_PASSWORD');
    else await this.announceGenerated('the operator', [{ role: OPERATOR_ROLE, email, password }]);
    return true;
  }

  private async announceGenerated(who: string, accounts: Parameters<typeof recordGeneratedPasswords>[1]): Promise<void> {
    const file = await recordGeneratedPasswords(this.config, accounts, `created ${who}`, this.clock.now());
    // The address and password stay out of the log, which may be shipped to any log store.
    this.logger.warn(file ? `created ${who} with a generated password, written to ${file} (mode 0600; sign in, change it, delete the file)` : `created ${who} with a generated password`);
  }
}

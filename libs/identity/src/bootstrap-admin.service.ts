import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { MunicipalityRepository } from './municipality.repository';
import { PasswordHasher } from './password-hasher';
import { newPassword } from './secret-token';
import { UserRepository } from './user.repository';

/** Transaction-level advisory lock that serialises the first-admin bootstrap across processes ("klau" + 1). */
export const BOOTSTRAP_LOCK_KEY = 0x6b6c6176;

/**
 * On an empty database, creates the first municipality and its admin, so a fresh
 * install can be signed into. API processes starting together create exactly one.
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureFirstAdmin();
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
      // The one log line allowed to hold a secret: without it nobody could sign in.
      this.logger.warn(`created the first admin ${adminEmail} with generated password: ${password} (shown once; change it)`);
    }
    return true;
  }
}

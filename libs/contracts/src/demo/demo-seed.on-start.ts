import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { BootstrapAdminService } from '@klausul/identity';
import { DemoSeedService } from './demo-seed.service';

/** With SEED_DEMO (the embedded default), the API creates the demo data on start; later starts find it and change nothing. */
@Injectable()
export class DemoSeedOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedOnStart.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seeder: DemoSeedService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    // The first admin is only created on a database without users, so it must come before the demo users.
    await this.moduleRef.get(BootstrapAdminService, { strict: false }).ensureFirstAdmin();
    const result = await this.seeder.seed();
    for (const user of result.createdUsers) {
      // Demo accounts only; without these lines nobody could sign in to them.
      this.logger.warn(`demo user ${user.email} (${user.role}) created with generated password: ${user.password} (shown once)`);
    }
  }
}

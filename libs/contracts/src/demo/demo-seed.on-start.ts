import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { Clock } from '@klausul/domain';
import { BootstrapAdminService, recordGeneratedPasswords } from '@klausul/identity';
import { DemoSeedService } from './demo-seed.service';

/** With SEED_DEMO (the embedded default), the API creates the demo data on start; later starts find it and change nothing. */
@Injectable()
export class DemoSeedOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoSeedOnStart.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly seeder: DemoSeedService,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    // The first admin is only created on a database without users, so it must come before the demo users.
    await this.moduleRef.get(BootstrapAdminService, { strict: false }).ensureFirstAdmin();
    const result = await this.seeder.seed();
    if (result.createdUsers.length === 0) return;
    // Without their passwords nobody could sign in to the demo accounts; the log, which may be shipped anywhere, gets only the file's path.
    const file = await recordGeneratedPasswords(this.config, result.createdUsers, 'created the demo users', this.clock.now());
    this.logger.warn(
      file
        ? `created ${result.createdUsers.length} demo users with generated passwords, written to ${file} (mode 0600)`
        : `created ${result.createdUsers.length} demo users with generated passwords`,
    );
  }
}

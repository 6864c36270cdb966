import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { FileKeyring, loadFileKeyring } from './file-keyring';
import { FileStore } from './file-store';
import { PostgresFileStore } from './postgres-file-store';
import { UploadValidator } from './upload-validator';

/** Encrypted file storage (API and worker): inject FileStore. */
@Global()
@Module({
  providers: [
    {
      provide: FileKeyring,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const logger = new Logger('FileKeyring');
        return loadFileKeyring(config, (message) => logger.warn(message));
      },
    },
    {
      provide: UploadValidator,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => UploadValidator.withDefaults({ maxBytes: config.files.maxUploadBytes }),
    },
    { provide: FileStore, useClass: PostgresFileStore },
  ],
  exports: [FileStore, FileKeyring, UploadValidator],
})
export class FilesModule implements OnApplicationShutdown {
  constructor(@Inject(UploadValidator) private readonly validator: UploadValidator) {}

  /** The PDF reading thread does not hold the process open, but a clean stop ends it. */
  onApplicationShutdown(): Promise<void> {
    return this.validator.close();
  }
}

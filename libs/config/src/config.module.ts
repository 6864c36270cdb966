import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule as NestConfigModule } from '@nestjs/config';
import { Clock, SystemClock } from '@klausul/domain';
import { APP_CONFIG, type AppConfig } from './app-config';
import { environmentSchema } from './config.schema';

/**
 * Makes the resolved AppConfig and the Clock injectable. The environment was already validated
 * before Nest started (so a bad value stops the process with one line); the schema is
 * also handed to @nestjs/config so ConfigService reads validated values.
 */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig, clock: Clock = new SystemClock()): DynamicModule {
    return {
      module: ConfigModule,
      imports: [
        NestConfigModule.forRoot({
          ignoreEnvFile: true,
          validationSchema: environmentSchema,
        }),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: Clock, useValue: clock },
      ],
      exports: [APP_CONFIG, Clock],
    };
  }
}

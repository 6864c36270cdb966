import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { maskSecretPaths } from './root-logger';

/** Structured JSON request and application logs through the process's root pino logger. */
@Module({})
export class LoggingModule {
  static forRoot(logger: Logger): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            logger,
            // Health probes would drown the log; everything else is logged once per request.
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
            customProps: () => ({ context: 'HTTP' }),
            // A link that is its own credential (/confirm/<token>, /invitation/<token>...) is logged without it.
            serializers: {
              req: (req: { url?: string }) => ({ ...req, ...(typeof req.url === 'string' ? { url: maskSecretPaths(req.url) } : {}) }),
            },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}

import { type INestApplication, type INestApplicationContext, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import { InputHygienePipe, refuseDeepJson } from '@klausul/http';
import { API_KEY_HEADER, csrfMiddleware, SESSION_COOKIE } from '@klausul/identity';
import { configureWebUi, notFoundPage, PageAwareExceptionFilter } from '@klausul/web';
import { credentialFreeRoutes, webRouteExclusions } from './csrf-exemptions';
import { mountQueueDashboard } from './queue-dashboard';
import type { Runtime } from './runtime';
import { ApiModule } from './api.module';
import { WorkerModule } from './worker.module';

export const API_PREFIX = 'api/v1';

/** Builds the HTTP application exactly as `main.ts` runs it (tests use the same function). */
export async function createApiApplication(runtime: Runtime): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(runtime.config, runtime.logger, runtime.clock), {
    bufferLogs: true,
    bodyParser: false,
  });
  // CVs arrive base64-encoded in JSON: 10 MB of file is about 13.4 MB of text. Larger bodies get a 413.
  // Nesting is refused on the raw bytes, before parsing: every later step walks the objects recursively.
  // (Nest's option type leaves out `verify`, which it only sets itself for `rawBody`, unused here.)
  const jsonOptions = { limit: '15mb', verify: refuseDeepJson() };
  app.useBodyParser('json', jsonOptions);
  app.useBodyParser('urlencoded', { limit: '100kb', extended: false });
  app.useLogger(app.get(PinoNestLogger));
  // The web pages (libs/web) are served at the root, the REST API under /api/v1.
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'health/ready', ...webRouteExclusions(app)] });
  // Input hygiene first: its refusal (a CPR number, a control character) wins over a whitelist error.
  app.useGlobalPipes(new InputHygienePipe(), new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  // JSON errors for the API, error pages (or the login page) for the web pages.
  app.useGlobalFilters(new PageAwareExceptionFilter());
  // The Content-Security-Policy is set per path by configureWebUi (strict for pages, looser for Swagger and the queue dashboard).
  app.use(helmet({ contentSecurityPolicy: false }));
  app.enableCors({
    origin: runtime.config.http.corsOrigins.length ? runtime.config.http.corsOrigins : false,
    credentials: true,
    allowedHeaders: ['Content-Type', 'Authorization', 'X-API-Key', 'X-Klausul-CSRF'],
  });
  app.use(cookieParser());
  // The CSRF rule in front of every router, Nest's and mounted ones such as the queue dashboard.
  app.use(csrfMiddleware(credentialFreeRoutes(app, API_PREFIX)));
  app.disable('x-powered-by');
  configureWebUi(app, runtime.config);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Klausul API')
      .setDescription(
        'Matchmaking workflow engine for municipal job-clause units.\n\n' +
          '**Lists** all page the same way: `?limit=` (1-200, default 50), `?cursor=` (the previous page\'s `nextCursor`) and ' +
          '`?sort=` (a listed key, `-key` for descending), plus each list\'s filters. A list answers `{ items, nextCursor }`; ' +
          '`nextCursor` is null on the last page. Pages are keyset-based: following the cursors never repeats or skips a row, ' +
          'even while rows are added. A larger `limit`, an unknown sort or filter, or a cursor of another list or sort is a 400 naming the parameter.',
      )
      .setVersion('1')
      .addCookieAuth(SESSION_COOKIE)
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A session token from POST /api/v1/auth/login' })
      .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER, description: 'An API key for system integrations' })
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  mountQueueDashboard(app);
  // A client that sends its request too slowly is cut off instead of holding a socket.
  const server = app.getHttpServer() as import('node:http').Server;
  server.requestTimeout = runtime.config.http.requestTimeoutMs;
  server.headersTimeout = Math.min(runtime.config.http.requestTimeoutMs, 60_000);
  // Routes are registered by init; a path none of them knows then gets the not-found page.
  await app.init();
  app.use(notFoundPage());
  return app;
}

/** Builds the worker process's application context (no HTTP). */
export async function createWorkerApplication(runtime: Runtime): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime.config, runtime.logger, runtime.clock), {
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoNestLogger));
  return app;
}

import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import type { Request } from 'express';
import { isPagePath, requestPath } from '../errors/page-exception.filter';
import type { AppConfig } from '@klausul/config';
import { PRODUCTION_SETTING } from './page-locals';
import { contentSecurityPolicy } from './security-headers';
import { configureViews } from './view-engine';

/** Views, static files, the Content-Security-Policy and the cookie setting of the web UI. Call before listen. */
export function configureWebUi(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  const production = config.env === 'production';
  express.set(PRODUCTION_SETTING, production);
  express.use(contentSecurityPolicy());
  // Pages and their CSS and JS go out compressed (DKFDS's CSS is 215 kB, 30 kB gzipped); the API's JSON as before.
  express.use(compression({ filter: (req: Request, res) => isPagePath(requestPath(req)) && compression.filter(req, res) }));
  configureViews(express, production);
}

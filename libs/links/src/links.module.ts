import { Global, Module } from '@nestjs/common';
import { AppLinkBuilder, LinkBuilder } from './link-builder';

/** Makes LinkBuilder injectable everywhere (API and worker). */
@Global()
@Module({ providers: [{ provide: LinkBuilder, useClass: AppLinkBuilder }], exports: [LinkBuilder] })
export class LinksModule {}

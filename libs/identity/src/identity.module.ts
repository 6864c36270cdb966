import { Module } from '@nestjs/common';

/** Municipalities (tenants), users, sessions, API keys, roles and the access log. */
@Module({})
export class IdentityModule {}

import { type MiddlewareConsumer, Module, type NestModule, type Type } from '@nestjs/common';
import { IdentityModule } from '@klausul/identity';
import { LoginPagesController } from './account/login.controller';
import { PublicPagesController } from './public/public.controller';
import { FormCsrfMiddleware } from './setup/form-csrf.middleware';
import { UnitStartController } from './unit/unit-start.controller';

/** Every web UI controller; each is marked @WebForms() and served outside the API prefix. */
export const WEB_CONTROLLERS: Type[] = [
  PublicPagesController,
  LoginPagesController,
  UnitStartController,
];

/** The web UI: server-rendered DKFDS pages in the API process (same services, same actor). */
@Module({
  imports: [IdentityModule],
  controllers: WEB_CONTROLLERS,
  providers: [FormCsrfMiddleware],
})
export class WebModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(FormCsrfMiddleware).forRoutes(...WEB_CONTROLLERS);
  }
}

import { Controller, Get, Inject, Post, Query, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { AuthService, type AuthenticatedRequest, CredentialService, LoginRateLimitGuard, Public, readCredential, SESSION_COOKIE, sessionCookieOptions, WebForms } from '@klausul/identity';
import { errorsOf, FormBody, type FormValues, text } from '../forms/form';
import { startPathFor } from '../setup/navigation';
import { languageOf, safeReturnPath } from '../setup/page-locals';
import { renderPage } from '../setup/render-page';
import { translator } from '../i18n/i18n';

/** Sign-in and sign-out for everyone with an account (the monthly confirmation link needs neither). */
@ApiExcludeController()
@WebForms()
@Controller()
export class LoginPagesController {
  constructor(
    private readonly auth: AuthService,
    private readonly credentials: CredentialService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('login')
  @Public()
  async form(@Query('next') next: unknown, @Query('signedOut') signedOut: unknown, @Query('passwordChanged') passwordChanged: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    const credential = readCredential(req);
    const authentication = credential?.kind === 'session' ? await this.credentials.authenticate(credential) : null;
    if (authentication) return res.redirect(303, safeReturnPath(next) ?? startPathFor(authentication.actor.role));
    this.render(req, res, { values: { next: safeReturnPath(next) ?? '' } }, 200, { signedOut: signedOut === '1', passwordChanged: passwordChanged === '1' });
  }

  @Post('login')
  @Public()
  @UseGuards(LoginRateLimitGuard)
  async login(@FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const email = text(form.email);
    const password = typeof form.password === 'string' ? form.password : '';
    const next = safeReturnPath(form.next);
    const missing = [
      ...(email ? [] : [{ field: 'email', text: t('common.errors.required', { field: t('account.login.email') }) }]),
      ...(password ? [] : [{ field: 'password', text: t('common.errors.required', { field: t('account.login.password') }) }]),
    ];
    if (missing.length) return this.render(req, res, { values: { email, next }, errors: errorsOf(missing) }, 400);
    try {
      const signedIn = await this.auth.login(email!, password);
      res.cookie(SESSION_COOKIE, signedIn.token, sessionCookieOptions(this.config, signedIn.expiresAt));
      res.redirect(303, next ?? startPathFor(signedIn.user.role));
    } catch (error) {
      if (!(error instanceof UnauthorizedException)) throw error;
      this.render(req, res, { values: { email, next }, errors: errorsOf([{ field: 'email', text: t('account.login.refused') }]) }, 401);
    }
  }

  @Post('logout')
  @Public()
  async logout(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const credential = readCredential(req);
    const authentication = credential?.kind === 'session' && credential.fromCookie ? await this.credentials.authenticate(credential) : null;
    await this.auth.logout(authentication?.sessionId);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(this.config));
    res.redirect(303, '/login?signedOut=1');
  }

  private render(req: Request, res: Response, form: { values: FormValues; errors?: ReturnType<typeof errorsOf> }, status: number, notices: { signedOut?: boolean; passwordChanged?: boolean } = {}): void {
    const t = translator(languageOf(req));
    renderPage(req, res, 'account/login.njk', { title: t('account.login.title'), form, ...notices }, status);
  }
}


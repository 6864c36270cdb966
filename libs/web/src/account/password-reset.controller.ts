import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { NewPasswordRequest, PasswordResetRequest, PasswordResetService, Public, WebForms } from '@klausul/identity';
import { domainErrorOf, errorsOf, FormBody, type FormState, type FormValues, text, validateForm } from '../forms/form';
import { translator } from '../i18n/i18n';
import { languageOf } from '../setup/page-locals';
import { redirectAfterPost, renderPage } from '../setup/render-page';
import { unusableLinkOf } from './token-links';

/** "Glemt adgangskode": ask for a link by e-mail, then choose a new password from it. */
@ApiExcludeController()
@WebForms()
@Public()
@Controller()
export class PasswordResetPagesController {
  constructor(private readonly resets: PasswordResetService) {}

  @Get('forgot-password')
  forgotForm(@Req() req: Request, @Res() res: Response): void {
    this.renderForgot(req, res, { values: {} }, 200);
  }

  /** The same answer whether or not the address has an account. */
  @Post('forgot-password')
  async forgot(@FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const t = translator(languageOf(req));
    const values = { email: text(form.email) };
    const checked = await validateForm(PasswordResetRequest, values, { email: t('account.login.email') }, t);
    if (checked.errors) return this.renderForgot(req, res, { values, errors: checked.errors }, 400);
    const outcome = await this.resets.request(checked.value.email, req.ip);
    if (!outcome.accepted) {
      const seconds = outcome.retryAfterSeconds ?? 60;
      res.setHeader('Retry-After', String(seconds));
      return this.renderForgot(req, res, { values, errors: errorsOf([{ field: 'email', text: t('common.errors.tooManyRequests', { seconds }) }]) }, 429);
    }
    redirectAfterPost(res, '/forgot-password/sent');
  }

  @Get('forgot-password/sent')
  sent(@Req() req: Request, @Res() res: Response): void {
    renderPage(req, res, 'account/forgot-sent.njk', { title: translator(languageOf(req))('account.forgot.sentTitle') });
  }

  @Get('reset-password/:token')
  async resetForm(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    try {
      await this.resets.check(token);
    } catch (error) {
      return this.renderUnusable(req, res, error);
    }
    this.renderReset(req, res, token, { values: {} }, 200);
  }

  @Post('reset-password/:token')
  async reset(@Param('token') token: string, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const values = { password: typeof form.password === 'string' ? form.password : '' };
    const checked = await validateForm(NewPasswordRequest, values, { password: t('account.password.new') }, t);
    if (checked.errors) return this.renderReset(req, res, token, { values: {}, errors: checked.errors }, 400);
    if (form.passwordRepeat !== values.password) {
      return this.renderReset(req, res, token, { values: {}, errors: errorsOf([{ field: 'passwordRepeat', text: t('account.password.mismatch') }]) }, 400);
    }
    try {
      await this.resets.reset(token, values.password);
      redirectAfterPost(res, '/login?passwordChanged=1');
    } catch (error) {
      const errors = domainErrorOf(error, t, 'password', lang);
      if (errors) return this.renderReset(req, res, token, { values: {}, errors }, 400);
      this.renderUnusable(req, res, error);
    }
  }

  /** A link that cannot be used: why, and a way to ask for a new one. */
  private renderUnusable(req: Request, res: Response, error: unknown): void {
    const unusable = unusableLinkOf(error);
    if (!unusable) throw error;
    const t = translator(languageOf(req));
    renderPage(req, res, 'account/link-unusable.njk', { title: t(`account.links.${unusable.reason}Title`), reason: unusable.reason, reset: true }, unusable.status);
  }

  private renderForgot(req: Request, res: Response, form: FormState, status: number): void {
    renderPage(req, res, 'account/forgot.njk', { title: translator(languageOf(req))('account.forgot.title'), form }, status);
  }

  private renderReset(req: Request, res: Response, token: string, form: FormState, status: number): void {
    renderPage(req, res, 'account/reset.njk', { title: translator(languageOf(req))('account.reset.title'), form, token }, status);
  }
}

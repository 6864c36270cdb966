import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@klausul/config';
import { AcceptInvitationRequest, InvitationService, Public, SESSION_COOKIE, sessionCookieOptions, WebForms } from '@klausul/identity';
import { domainErrorOf, errorsOf, FormBody, type FormState, type FormValues, text, validateForm } from '../forms/form';
import { translator } from '../i18n/i18n';
import { startPathFor } from '../setup/navigation';
import { languageOf } from '../setup/page-locals';
import { renderPage } from '../setup/render-page';
import { unusableLinkOf } from './token-links';

/** The page an invitation e-mail links to: the person chooses a password and is signed in. */
@ApiExcludeController()
@WebForms()
@Public()
@Controller('invitation')
export class InvitationPagesController {
  constructor(
    private readonly invitations: InvitationService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  async form(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.show(req, res, token, { values: {} }, 200);
  }

  @Post(':token')
  async accept(@Param('token') token: string, @FormBody() form: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const values = { displayName: text(form.displayName), password: typeof form.password === 'string' ? form.password : '' };
    const repeat = typeof form.passwordRepeat === 'string' ? form.passwordRepeat : '';
    const labels = { displayName: t('account.invitation.name'), password: t('account.password.new') };
    const checked = await validateForm(AcceptInvitationRequest, values, labels, t);
    const kept = { displayName: values.displayName };
    if (checked.errors) return this.show(req, res, token, { values: kept, errors: checked.errors }, 400);
    if (repeat !== values.password) {
      return this.show(req, res, token, { values: kept, errors: errorsOf([{ field: 'passwordRepeat', text: t('account.password.mismatch') }]) }, 400);
    }
    try {
      const signedIn = await this.invitations.accept(token, values.password, values.displayName);
      res.cookie(SESSION_COOKIE, signedIn.token, sessionCookieOptions(this.config, signedIn.expiresAt));
      res.redirect(303, startPathFor(signedIn.user.role));
    } catch (error) {
      const errors = domainErrorOf(error, t, 'password', lang);
      if (errors) return this.show(req, res, token, { values: kept, errors }, 400);
      const unusable = unusableLinkOf(error);
      if (!unusable) throw error;
      renderPage(req, res, 'account/link-unusable.njk', { title: t(`account.links.${unusable.reason}Title`), reason: unusable.reason }, unusable.status);
    }
  }

  private async show(req: Request, res: Response, token: string, form: FormState, status: number): Promise<void> {
    const t = translator(languageOf(req));
    try {
      const invitation = await this.invitations.preview(token);
      renderPage(req, res, 'account/invitation.njk', { title: t('account.invitation.title'), invitation, form, token }, status);
    } catch (error) {
      const unusable = unusableLinkOf(error);
      if (!unusable) throw error;
      renderPage(req, res, 'account/link-unusable.njk', { title: t(`account.links.${unusable.reason}Title`), reason: unusable.reason }, unusable.status);
    }
  }
}

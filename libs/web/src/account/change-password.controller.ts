import { Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { ROLES, type Actor } from '@klausul/domain';
import { AccountService, type AuthenticatedRequest, CurrentActor, PASSWORD_MIN_LENGTH, Roles, WebForms } from '@klausul/identity';
import { domainErrorOf, errorsOf, FormBody, type FormState, type FormValues } from '../forms/form';
import { translator } from '../i18n/i18n';
import { languageOf } from '../setup/page-locals';
import { redirectAfterPost, renderPage } from '../setup/render-page';

/** A signed-in person changes their own password; every other session of theirs ends. */
@ApiExcludeController()
@WebForms()
@Controller('account/password')
export class ChangePasswordPagesController {
  constructor(private readonly account: AccountService) {}

  @Get()
  @Roles(...ROLES)
  form(@Query('changed') changed: unknown, @Req() req: AuthenticatedRequest, @Res() res: Response): void {
    this.render(req, res, { values: {} }, 200, changed === '1');
  }

  @Post()
  @Roles(...ROLES)
  async change(@CurrentActor() actor: Actor, @FormBody() form: FormValues, @Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    const lang = languageOf(req);
    const t = translator(lang);
    const current = typeof form.currentPassword === 'string' ? form.currentPassword : '';
    const next = typeof form.newPassword === 'string' ? form.newPassword : '';
    const problems = [
      ...(current ? [] : [{ field: 'currentPassword', text: t('common.errors.required', { field: t('account.password.current') }) }]),
      ...(next.length >= PASSWORD_MIN_LENGTH ? [] : [{ field: 'newPassword', text: t('common.errors.tooShort', { field: t('account.password.new'), min: PASSWORD_MIN_LENGTH }) }]),
      ...(form.newPasswordRepeat === next ? [] : [{ field: 'newPasswordRepeat', text: t('account.password.mismatch') }]),
    ];
    if (problems.length) return this.render(req, res, { values: {}, errors: errorsOf(problems) }, 400);
    try {
      await this.account.changePassword(actor, req.sessionId, current, next);
      redirectAfterPost(res, '/account/password?changed=1');
    } catch (error) {
      const field = (error as { details?: { field?: string } }).details?.field;
      const errors =
        field === 'currentPassword'
          ? errorsOf([{ field, text: t('account.password.currentWrong') }])
          : field === 'newPassword'
            ? errorsOf([{ field, text: t('account.password.mustDiffer') }])
            : domainErrorOf(error, t, 'newPassword', lang);
      if (!errors) throw error;
      this.render(req, res, { values: {}, errors }, 400);
    }
  }

  private render(req: AuthenticatedRequest, res: Response, form: FormState, status: number, changed = false): void {
    renderPage(req, res, 'account/change-password.njk', { title: translator(languageOf(req))('account.password.title'), form, changed, minLength: PASSWORD_MIN_LENGTH }, status);
  }
}

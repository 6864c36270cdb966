import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CredentialService, Public, readCredential, WebForms } from '@klausul/identity';
import { isLanguage, LANGUAGE_COOKIE } from '../i18n/i18n';
import { startPathFor } from '../setup/navigation';
import { PRODUCTION_SETTING, safeReturnPath } from '../setup/page-locals';
import { renderPage } from '../setup/render-page';

/** Pages for everyone: the front door, the accessibility statement, the language choice. */
@ApiExcludeController()
@WebForms()
@Public()
@Controller()
export class PublicPagesController {
  constructor(private readonly credentials: CredentialService) {}

  /** A signed-in person goes to their start page, everyone else to the login page. */
  @Get()
  async root(@Req() req: Request, @Res() res: Response): Promise<void> {
    const credential = readCredential(req);
    const authentication = credential?.kind === 'session' ? await this.credentials.authenticate(credential) : null;
    res.redirect(303, authentication ? startPathFor(authentication.actor.role) : '/login');
  }

  @Get('tilgaengelighed')
  accessibility(@Req() req: Request, @Res() res: Response): void {
    renderPage(req, res, 'public/accessibility.njk', { title: '' });
  }

  /** The language switcher's links: keeps the choice in a cookie and goes back to the page. */
  @Get('language/:code')
  language(@Param('code') code: string, @Query('next') next: unknown, @Req() req: Request, @Res() res: Response): void {
    if (isLanguage(code)) {
      res.cookie(LANGUAGE_COOKIE, code, {
        httpOnly: true,
        sameSite: 'lax',
        secure: Boolean(req.app.get(PRODUCTION_SETTING)),
        path: '/',
        maxAge: 365 * 24 * 3600 * 1000,
      });
    }
    res.redirect(303, safeReturnPath(next) ?? '/');
  }
}

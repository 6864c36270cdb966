import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ReviewConfirmationService, ReviewFormService } from '@klausul/followup';
import { Public, WebForms } from '@klausul/identity';
import { FormBody, type FormValues } from '../forms/form';
import { type ConfirmationPaths, linkRefusalOf, renderConfirmation, renderLinkRefusal, renderReceipt, submitConfirmation } from './confirmation-page';

const pathsOf = (token: string): ConfirmationPaths => {
  const form = `/confirm/${encodeURIComponent(token)}`;
  return { form, receipt: `${form}/receipt` };
};

/**
 * The monthly confirmation from the e-mailed link, without login: the signed link is the
 * credential, checked by the same service as the REST link route (`/api/v1/review-links/:token`).
 */
@ApiExcludeController()
@WebForms()
@Public()
@Controller('confirm')
export class ReviewLinkPagesController {
  constructor(
    private readonly forms: ReviewFormService,
    private readonly confirmations: ReviewConfirmationService,
  ) {}

  @Get(':token')
  async form(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.withLink(token, req, res, async () => {
      const form = await this.forms.formByLink(token);
      if (form.canConfirm) renderConfirmation(req, res, form, pathsOf(token));
      else renderReceipt(req, res, form, pathsOf(token), true);
    });
  }

  @Post(':token')
  async confirm(@Param('token') token: string, @FormBody() values: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.withLink(token, req, res, async () => {
      const form = await this.forms.formByLink(token);
      await submitConfirmation(req, res, form, values, pathsOf(token), (dto) => this.confirmations.confirmByLink(token, dto), () => this.forms.formByLink(token));
    });
  }

  @Get(':token/receipt')
  async receipt(@Param('token') token: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    await this.withLink(token, req, res, async () => {
      const form = await this.forms.formByLink(token);
      // Nothing recorded yet: the receipt is the form.
      if (form.canConfirm) res.redirect(303, pathsOf(token).form);
      else renderReceipt(req, res, form, pathsOf(token));
    });
  }

  /** Runs a page of the link; a link the service refuses gets the page that says why (and nothing of the review). */
  private async withLink(token: string, req: Request, res: Response, page: () => Promise<void>): Promise<void> {
    try {
      await page();
    } catch (error) {
      const refusal = await linkRefusalOf(error, () => this.forms.linkProblem(token));
      if (!refusal || res.headersSent) throw error;
      renderLinkRefusal(req, res, refusal);
    }
  }
}

import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Actor } from '@klausul/domain';
import { ReviewConfirmationService, ReviewFormService } from '@klausul/followup';
import { CurrentActor, Roles, WebForms } from '@klausul/identity';
import { FormBody, type FormValues } from '../forms/form';
import { type ConfirmationPaths, renderConfirmation, renderReceipt, submitConfirmation } from './confirmation-page';

const pathsOf = (reviewId: string): ConfirmationPaths => {
  const form = `/supplier/reviews/${encodeURIComponent(reviewId)}`;
  return { form, receipt: `${form}/receipt`, onward: '/supplier' };
};

/** The monthly confirmation signed in as the supplier's HR contact (the REST confirmation route's role), its own supplier's reviews only. */
@ApiExcludeController()
@WebForms()
@Roles('supplier_hr')
@Controller('supplier/reviews')
export class SupplierReviewPagesController {
  constructor(
    private readonly forms: ReviewFormService,
    private readonly confirmations: ReviewConfirmationService,
  ) {}

  @Get(':reviewId')
  async form(@CurrentActor() actor: Actor, @Param('reviewId') reviewId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const form = await this.forms.form(actor, reviewId);
    if (form.canConfirm) renderConfirmation(req, res, form, pathsOf(form.review.id));
    else renderReceipt(req, res, form, pathsOf(form.review.id), true);
  }

  @Post(':reviewId')
  async confirm(@CurrentActor() actor: Actor, @Param('reviewId') reviewId: string, @FormBody() values: FormValues, @Req() req: Request, @Res() res: Response): Promise<void> {
    const form = await this.forms.form(actor, reviewId);
    const id = form.review.id;
    await submitConfirmation(req, res, form, values, pathsOf(id), (dto) => this.confirmations.confirm(actor, id, dto), () => this.forms.form(actor, id));
  }

  @Get(':reviewId/receipt')
  async receipt(@CurrentActor() actor: Actor, @Param('reviewId') reviewId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const form = await this.forms.form(actor, reviewId);
    if (form.canConfirm) res.redirect(303, pathsOf(form.review.id).form);
    else renderReceipt(req, res, form, pathsOf(form.review.id));
  }
}

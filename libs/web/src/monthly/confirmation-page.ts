import { ForbiddenException, GoneException, UnauthorizedException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConflictError, GuardFailedError, InvalidTransitionError, NotFoundError } from '@klausul/domain';
import { ReviewConfirmationDto, type ReviewEmployee, type ReviewForm, type ReviewLinkProblem } from '@klausul/followup';
import { type FormState, type FormValues, validateForm } from '../forms/form';
import { type Language, type Translate, translator } from '../i18n/i18n';
import { languageOf } from '../setup/page-locals';
import { redirectAfterPost, renderPage } from '../setup/render-page';
import { formatDate, formatNumber } from '../setup/view-engine';
import { answerErrorOf, answersOf, CONFIRM_BUTTON_ID, defaultValues, emptyLeaverFields, fieldIdOf, idOfPath, isLeaver, labelsOf, nameOf } from './confirmation-form';
import { endReasonChoices, monthName, reviewStateText } from './monthly-view';

/** Where one review's confirmation and receipt live: behind the signed link, or signed in. */
export interface ConfirmationPaths {
  form: string;
  receipt: string;
  /** Where the receipt sends the person on (the start page when signed in). */
  onward?: string;
}

/** Pages naming employees (or behind a link that is a credential) are not kept in a browser's or proxy's cache. */
export function noStore(res: Response): void {
  res.setHeader('Cache-Control', 'no-store');
}

/** The confirmation form: one card per employee, pre-filled, so a month without change is one press of the button. */
export function renderConfirmation(req: Request, res: Response, form: ReviewForm, paths: ConfirmationPaths, state?: FormState, status = 200): void {
  const lang = languageOf(req);
  const t = translator(lang);
  // Fields the post left out show empty rather than undefined.
  const values = state ? { ...Object.assign({}, ...form.employees.map((e) => emptyLeaverFields(e.placementId))), ...state.values } : defaultValues(form, lang);
  const errors = state?.errors;
  const month = monthName(form.review.period, lang);
  noStore(res);
  renderPage(
    req,
    res,
    'monthly/confirmation.njk',
    {
      title: t('monthly.confirm.title', { month }),
      month,
      review: form.review,
      dueOn: form.review.dueOn,
      action: paths.form,
      today: form.today,
      confirmButtonId: CONFIRM_BUTTON_ID,
      reasons: endReasonChoices(t),
      form: { values, errors },
      employees: form.employees.map((employee) => {
        const ids = { hours: fieldIdOf('weeklyHours', employee.placementId), endDate: fieldIdOf('endDate', employee.placementId), reason: fieldIdOf('endReason', employee.placementId) };
        return {
          id: employee.placementId,
          name: nameOf(employee, t, lang),
          jobTitle: employee.jobTitle,
          startDate: employee.startDate,
          weeklyHours: employee.weeklyHours,
          endedBefore: employee.endedBefore ? { endDate: employee.endedBefore.endDate, reasonText: t(`monthly.reasons.${employee.endedBefore.endReason}`) } : null,
          ids,
          // The leaver's fields stay open when they hold input or an error, so nothing typed is hidden.
          leaverOpen: isLeaver(values, employee.placementId) || Boolean(errors?.byField[ids.endDate] || errors?.byField[ids.reason]),
        };
      }),
    },
    status,
  );
}

/** What was recorded for the month, per employee; `already` when the person came to confirm a month already confirmed. */
export function renderReceipt(req: Request, res: Response, form: ReviewForm, paths: ConfirmationPaths, already = false, status = 200): void {
  const lang = languageOf(req);
  const t = translator(lang);
  const month = monthName(form.review.period, lang);
  noStore(res);
  renderPage(
    req,
    res,
    'monthly/receipt.njk',
    {
      title: t(form.review.state === 'concluded' ? 'monthly.receipt.concludedTitle' : already ? 'monthly.receipt.alreadyTitle' : 'monthly.receipt.title', { month }),
      already,
      month,
      review: form.review,
      stateText: reviewStateText(form.review.state, t),
      concluded: form.review.state === 'concluded',
      employees: form.employees.map((employee) => ({
        name: nameOf(employee, t, lang),
        jobTitle: employee.jobTitle,
        startDate: employee.startDate,
        recorded: recordedText(employee, t, lang),
        changed: employee.answer ? !employee.answer.stillEmployed || employee.hoursChangedFrom !== null : false,
      })),
      onward: paths.onward,
    },
    status,
  );
}

function recordedText(employee: ReviewEmployee, t: Translate, lang: Language): string {
  const answer = employee.answer;
  if (!answer) return t('monthly.receipt.notAnswered');
  if (!answer.stillEmployed) {
    return t('monthly.receipt.ended', { date: formatDate(answer.endDate, lang), reason: t(`monthly.reasons.${answer.endReason}`) });
  }
  const hours = formatNumber(answer.weeklyHours, lang);
  return employee.hoursChangedFrom ? t('monthly.receipt.newHours', { hours, date: formatDate(employee.hoursChangedFrom, lang) }) : t('monthly.receipt.employed', { hours });
}

/**
 * A posted confirmation: checked with the REST body's own DTO, then confirmed through the
 * same service as the REST route (`confirm`), then post/redirect/get to the receipt. Field
 * errors and the service's refusals re-render the form with the input kept (400, 409, 422);
 * a month already confirmed shows its receipt.
 */
export async function submitConfirmation(
  req: Request,
  res: Response,
  form: ReviewForm,
  values: FormValues,
  paths: ConfirmationPaths,
  confirm: (dto: ReviewConfirmationDto) => Promise<unknown>,
  reload: () => Promise<ReviewForm>,
): Promise<void> {
  if (!form.canConfirm) return renderReceipt(req, res, form, paths, true, 409);
  const lang = languageOf(req);
  const t = translator(lang);
  const checked = await validateForm(ReviewConfirmationDto, answersOf(form, values), labelsOf(form, t, lang), t, idOfPath(form));
  if (checked.errors) return renderConfirmation(req, res, form, paths, { values, errors: checked.errors }, 400);
  try {
    await confirm(checked.value);
  } catch (error) {
    // Confirmed meanwhile (another tab, a colleague): the service refuses a second confirmation.
    if (error instanceof InvalidTransitionError) return renderReceipt(req, res, await reload(), paths, true, 409);
    const errors = answerErrorOf(error, form, t, lang);
    if (!errors) throw error;
    const status = error instanceof ConflictError ? 409 : error instanceof GuardFailedError ? 422 : 400;
    return renderConfirmation(req, res, form, paths, { values, errors }, status);
  }
  redirectAfterPost(res, paths.receipt);
}

/** Why a signed link does not open, as the page says it, from the confirmation service's refusal (else undefined). */
export async function linkRefusalOf(error: unknown, problemOfInvalid: () => Promise<ReviewLinkProblem>): Promise<LinkRefusal | undefined> {
  if (error instanceof UnauthorizedException) return problemOfInvalid();
  if (error instanceof ForbiddenException || error instanceof NotFoundError) return 'not_granted';
  if (error instanceof GoneException) return 'concluded';
  return undefined;
}

export type LinkRefusal = ReviewLinkProblem | 'not_granted' | 'concluded';

/** Not a link (forged, mangled) 404; for another review 403; expired or concluded 410 (it worked once). */
const LINK_STATUS: Record<LinkRefusal, number> = { invalid: 404, not_granted: 403, expired: 410, concluded: 410 };

/** The page a refused link gets: what happened and what to do, in the person's language, and no data of the review. */
export function renderLinkRefusal(req: Request, res: Response, refusal: LinkRefusal): void {
  const t = translator(languageOf(req));
  noStore(res);
  renderPage(req, res, 'monthly/link-refused.njk', { title: t(`monthly.link.${refusal}Title`), text: t(`monthly.link.${refusal}Text`), refusal }, LINK_STATUS[refusal]);
}

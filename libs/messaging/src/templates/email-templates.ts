import type { LinkBuilder } from '@klausul/links';
import { type InvitationData, invitation, type PasswordResetData, passwordReset } from './account.templates';
import { channelTest, type ChannelTestData } from './admin.templates';
import { supplierWelcome, type SupplierWelcomeData } from './contracts.templates';
import { type EmailContent, renderContent, type RenderedEmail } from './email-layout';
import {
  clauseBreach,
  type ClauseBreachData,
  type ReviewData,
  reviewEscalated,
  reviewOverdue,
  reviewReminder,
  reviewRequest,
  type ReviewRequestData,
  reviewRunLate,
  type ReviewRunLateData,
} from './followup.templates';
import {
  candidatesMissing,
  candidatesReminder,
  type CandidatesStatusData,
  jobDescription,
  type JobDescriptionData,
  shortlist,
  type ShortlistData,
} from './matching.templates';

/** Every e-mail Klausul sends: its template name and the data it is rendered from. */
export interface EmailTemplates {
  'supplier-welcome': SupplierWelcomeData;
  'job-description': JobDescriptionData;
  'candidates-reminder': CandidatesStatusData;
  'candidates-missing': CandidatesStatusData;
  shortlist: ShortlistData;
  'review-request': ReviewRequestData;
  'review-reminder': Omit<ReviewData, 'supplierName'>;
  'review-overdue': ReviewData;
  'review-escalated': ReviewData;
  'review-run-late': ReviewRunLateData;
  'clause-breach': ClauseBreachData;
  invitation: InvitationData;
  'password-reset': PasswordResetData;
  'channel-test': ChannelTestData;
}

export type EmailTemplateName = keyof EmailTemplates;

const CATALOGUE: { [N in EmailTemplateName]: (data: EmailTemplates[N], links: LinkBuilder) => EmailContent } = {
  'supplier-welcome': supplierWelcome,
  'job-description': jobDescription,
  'candidates-reminder': candidatesReminder,
  'candidates-missing': candidatesMissing,
  shortlist,
  'review-request': reviewRequest,
  'review-reminder': reviewReminder,
  'review-overdue': reviewOverdue,
  'review-escalated': reviewEscalated,
  'review-run-late': reviewRunLate,
  'clause-breach': clauseBreach,
  invitation,
  'password-reset': passwordReset,
  'channel-test': channelTest,
};

export const EMAIL_TEMPLATE_NAMES = Object.keys(CATALOGUE) as EmailTemplateName[];

/** The Danish subject, text part and HTML part of one e-mail, every link from the LinkBuilder. */
export function renderEmail<N extends EmailTemplateName>(name: N, data: EmailTemplates[N], links: LinkBuilder): RenderedEmail {
  const template = CATALOGUE[name] as (data: EmailTemplates[N], links: LinkBuilder) => EmailContent;
  return renderContent(template(data, links));
}

export type { InvitationData, PasswordResetData } from './account.templates';
export type { ChannelTestData } from './admin.templates';
export type { SupplierWelcomeData } from './contracts.templates';
export type { EmailBlock, EmailContent, EmailLink, RenderedEmail } from './email-layout';
export { EMAIL_TEMPLATE_NAMES, type EmailTemplateName, type EmailTemplates, renderEmail } from './email-templates';
export type { ClauseBreachData, ReviewData, ReviewRequestData, ReviewRunLateData } from './followup.templates';
export type { CandidatesStatusData, JobDescriptionData, ShortlistData } from './matching.templates';

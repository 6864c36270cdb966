import type { EntityManager } from 'typeorm';
import type { MessageDraft } from '@klausul/messaging';

/** The account e-mails, rendered from the messaging catalogue. */
export type AccountMailDraft = Extract<MessageDraft, { template: 'invitation' | 'password-reset' }>;

/**
 * Logs and queues the account e-mails in the caller's transaction. A port, provided by
 * MessagingModule (as MessageService): libs/messaging imports identity (its routes' guards),
 * so identity naming MessageService itself would be an import cycle that CommonJS and the
 * bundles cannot load. The import above is of a type only.
 */
export abstract class AccountMail {
  abstract compose(manager: EntityManager, drafts: readonly AccountMailDraft[]): Promise<string[]>;
}

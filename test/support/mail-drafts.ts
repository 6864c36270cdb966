import { randomUUID } from 'node:crypto';
import type { MessageDraft } from '@klausul/messaging';

/**
 * An e-mail of the catalogue for tests of delivery itself: a shortlist notice whose job
 * title is the tag, so its subject (`1 kandidat til "<tag>"`) tells the copies apart.
 */
export function taggedEmail(municipalityId: string, recipient: string, tag: string): MessageDraft {
  return { municipalityId, recipient, template: 'shortlist', data: { jobOrderId: randomUUID(), title: tag, shortlisted: 1 } };
}

/** Whether a caught mail is the tagged e-mail (or, with a prefix ending in a space, one of a numbered series). */
export const hasTag = (subject: string, tag: string) => subject.includes(`"${tag}`);

import type { LinkBuilder } from '@klausul/links';
import { action, type EmailContent, paragraph } from './email-layout';

/** A test message to a jobcenter channel, sent by an admin to see that the address receives Klausul's mails. */
export interface ChannelTestData {
  /** The channel's name as the admin gave it. */
  channelName: string;
  municipalityName: string;
  /** Who sent the test, by name (never an e-mail address). */
  sentBy?: string | null;
}

export function channelTest(d: ChannelTestData, links: LinkBuilder): EmailContent {
  return {
    subject: `Test fra Klausul: ${d.channelName}`,
    heading: 'Test af modtagelsen',
    blocks: [
      paragraph(
        `${d.sentBy ? `${d.sentBy} fra ${d.municipalityName}` : d.municipalityName} har sendt denne test til kanalen "${d.channelName}" i Klausul. ` +
          'Stillingsbeskrivelser, som kommunen videresender, kommer til denne adresse.',
      ),
      paragraph('I skal ikke gøre noget. Jobcentrets kontakter ser de videresendte stillingsbeskrivelser her:'),
      action('Åbn jobcentrets indbakke', links.jobcenterInbox()),
    ],
  };
}

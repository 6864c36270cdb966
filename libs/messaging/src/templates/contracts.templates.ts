import type { LinkBuilder } from '@klausul/links';
import { danishDate } from './danish';
import { action, type EmailContent, paragraph } from './email-layout';

/** Hand-over: the supplier's HR contacts are asked for job descriptions. */
export interface SupplierWelcomeData {
  contractId: string;
  supplierName: string;
  tenderTitle: string;
  municipalityName: string;
  /** YYYY-MM-DD */
  startDate: string;
}

export function supplierWelcome(d: SupplierWelcomeData, links: LinkBuilder): EmailContent {
  return {
    subject: `Velkommen til matchingsperioden: ${d.tenderTitle}`,
    heading: `Velkommen til matchingsperioden: ${d.tenderTitle}`,
    blocks: [
      paragraph(`Kære ${d.supplierName}`),
      paragraph(
        `Kontrakten "${d.tenderTitle}" med ${d.municipalityName} starter ${danishDate(d.startDate)}, og den indeholder en beskæftigelsesklausul.`,
      ),
      paragraph('Send os en stillingsbeskrivelse for hver type stilling, I vil besætte, så finder jobcentret relevante kandidater.'),
      action('Opret stillingsbeskrivelser her', links.supplierNewJobOrder(d.contractId)),
    ],
  };
}

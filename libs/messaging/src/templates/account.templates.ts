import type { MunicipalityRole } from '@klausul/domain';
import type { LinkBuilder } from '@klausul/links';
import { danishInstant, danishRole } from './danish';
import { action, type EmailContent, paragraph } from './email-layout';

/** An invitation to an account: a single-use link to a page where the person chooses a password. */
export interface InvitationData {
  token: string;
  municipalityName: string;
  role: MunicipalityRole;
  /** For supplier_hr: the supplier the account belongs to. */
  supplierName?: string | null;
  /** Who invited, by name (never an e-mail address). */
  invitedBy?: string | null;
  expiresAt: Date;
}

export function invitation(d: InvitationData, links: LinkBuilder): EmailContent {
  const as = d.supplierName ? `${danishRole(d.role)} for ${d.supplierName}` : danishRole(d.role);
  return {
    subject: `Du er inviteret til Klausul (${d.municipalityName})`,
    heading: 'Du er inviteret til Klausul',
    blocks: [
      paragraph(
        `${d.invitedBy ? `${d.invitedBy} fra ${d.municipalityName}` : d.municipalityName} har oprettet en konto til dig i Klausul som ${as}. ` +
          'Klausul er kommunens system til beskæftigelsesklausuler: stillingsbeskrivelser, kandidater og den månedlige opfølgning.',
      ),
      paragraph('Vælg din adgangskode for at tage kontoen i brug:'),
      action('Vælg adgangskode', links.invitation(d.token)),
      paragraph(`Linket kan bruges én gang og udløber ${danishInstant(d.expiresAt)}. Har du ikke ventet denne invitation, kan du se bort fra e-mailen.`),
    ],
  };
}

/** A password reset the person asked for: a single-use link to choose a new password. */
export interface PasswordResetData {
  token: string;
  expiresAt: Date;
}

export function passwordReset(d: PasswordResetData, links: LinkBuilder): EmailContent {
  return {
    subject: 'Nulstil din adgangskode til Klausul',
    heading: 'Nulstil din adgangskode',
    blocks: [
      paragraph('Vi har fået en anmodning om at nulstille adgangskoden til din konto i Klausul.'),
      action('Vælg en ny adgangskode', links.resetPassword(d.token)),
      paragraph(
        `Linket kan bruges én gang og udløber ${danishInstant(d.expiresAt)}. Når du har valgt en ny adgangskode, bliver du logget ud alle andre steder.`,
      ),
      paragraph('Har du ikke bedt om det, kan du se bort fra e-mailen: din adgangskode er ikke ændret.'),
      action('Bed om et nyt link', links.forgotPassword()),
    ],
  };
}

import type { ComplianceStatus } from '@klausul/domain';

/** A review's state in the pack: the workflow's, with overdue ones past their escalation as `escalated`. */
export type MeetingPackReviewState = 'awaiting_supplier' | 'submitted' | 'overdue' | 'escalated' | 'concluded';

/** One contract of the month, counted at the period's last day. */
export interface MeetingPackContract {
  contractId: string;
  reviewId: string;
  tender: string;
  supplier: string;
  cvr: string;
  /** The lots' numbers, in order. */
  lots: number[];
  hires: { actual: number; required: number };
  weeklyHours: { actual: number; required: number } | null;
  status: ComplianceStatus;
  reviewState: MeetingPackReviewState;
  dueOn: string;
}

/** One employee of a contract's review: who, what the supplier answered. */
export interface MeetingPackEmployee {
  contractId: string;
  /** Null when the person was not hired through a job order, or their data has been erased. */
  name: string | null;
  jobTitle: string | null;
  partner: string | null;
  startDate: string;
  /** Weekly hours in effect on the period's last day. */
  weeklyHours: number;
  /** Null while the supplier has not answered (and the placement had not ended). */
  stillEmployed: boolean | null;
  endDate: string | null;
  endReason: string | null;
  note: string | null;
}

/** The month's meeting pack: every contract reviewed in the period and its employees. */
export interface MeetingPack {
  period: string;
  /** The period's last day: the day the figures are counted at. */
  at: string;
  contracts: MeetingPackContract[];
  employees: MeetingPackEmployee[];
}

/** The pack's Danish words (the pack is for the Danish meeting, whatever the page's language). */
export const PACK_TEXTS = {
  status: { on_track: 'Følger kravet', at_risk: 'I risiko', breached: 'Kravet er brudt' } satisfies Record<ComplianceStatus, string>,
  reviewState: {
    awaiting_supplier: 'Afventer leverandøren',
    submitted: 'Besvaret',
    overdue: 'For sent',
    escalated: 'Eskaleret',
    concluded: 'Afsluttet',
  } satisfies Record<MeetingPackReviewState, string>,
  endReason: {
    resigned: 'Har selv sagt op',
    dismissed: 'Afskediget',
    moved_to_ordinary_job: 'Gået til et ordinært job',
    education: 'Startet på uddannelse',
    illness: 'Sygdom',
    contract_ended: 'Kontrakten er udløbet',
    other: 'Andet',
  } as Record<string, string>,
  stillEmployed: (value: boolean | null) => (value === null ? 'Ikke besvaret' : value ? 'Ja' : 'Nej'),
} as const;

/** The pack's file name: ASCII for old clients, and the Danish one (RFC 5987) for those that read it. */
export function meetingPackDisposition(period: string, extension: 'xlsx' | 'csv'): string {
  return `attachment; filename="moedepakke-${period}.${extension}"; filename*=UTF-8''${encodeURIComponent(`mødepakke-${period}.${extension}`)}`;
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

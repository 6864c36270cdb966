import type { Role } from '@klausul/domain';
import type { ClauseDraftDto } from '../clauses/clause.dto';
import type { CreateTenderDto } from '../tenders/tender.dto';
import type { MeetingDto, ScreeningDto } from '../tenders/tender-event.dto';

/**
 * The reference case of the Odense model (DOMAIN.md): special transport (visiteret
 * rutekørsel), 8 lots won by 2 suppliers with 4 each; one supplier's clause of 13 hires x
 * 10 h/week reached 16 hires and 186 h/week, all new flexjobs. Company names and CVR
 * numbers are fictitious (valid by the modulus-11 check); FlexVirk is the RSV of the seeds.
 */
export const DEMO_MUNICIPALITY = 'Odense Kommune';
export const DEMO_TENDER_REFERENCE = 'DEMO-ODENSE-RUTEKORSEL';
const DOMAIN = 'odense.klausul.local';

export const DEMO_SUPPLIERS = {
  transportA: { cvr: '41000015', name: 'Fynsk Rutekørsel A/S', registeredSocialEconomy: false },
  transportB: { cvr: '41000023', name: 'Odense Turbusser ApS', registeredSocialEconomy: false },
  flexVirk: { cvr: '41000031', name: 'FlexVirk', registeredSocialEconomy: true },
} as const;
export type DemoSupplierKey = keyof typeof DEMO_SUPPLIERS;

export interface DemoUser {
  email: string;
  displayName: string;
  role: Role;
  supplier?: DemoSupplierKey;
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: `admin@${DOMAIN}`, displayName: 'Administrator (demo)', role: 'admin' },
  { email: `udbud@${DOMAIN}`, displayName: 'Udbudskonsulent, matchmaking-enheden (demo)', role: 'procurement_caseworker' },
  { email: `beskaeftigelse@${DOMAIN}`, displayName: 'Virksomhedskonsulent, matchmaking-enheden (demo)', role: 'employment_caseworker' },
  { email: `jobcenter@${DOMAIN}`, displayName: 'Jobcenter Odense (demo)', role: 'jobcenter_contact' },
  { email: `hr.fynsk@${DOMAIN}`, displayName: 'HR, Fynsk Rutekørsel (demo)', role: 'supplier_hr', supplier: 'transportA' },
  { email: `hr.turbusser@${DOMAIN}`, displayName: 'HR, Odense Turbusser (demo)', role: 'supplier_hr', supplier: 'transportB' },
];

export const DEMO_TENDER: CreateTenderDto = {
  reference: DEMO_TENDER_REFERENCE,
  title: 'Visiteret rutekørsel',
  description: 'Kørsel af borgere til skole, dagtilbud og aktivitet; morgen- og eftermiddagsruter.',
  procurementArea: 'special_transport',
  estimatedValueDkk: 120_000_000,
  durationMonths: 48,
  lots: Array.from({ length: 8 }, (_, i) => ({ number: i + 1, title: `Delaftale ${i + 1}: ruteområde ${i + 1}` })),
};

export const DEMO_SCREENING: ScreeningDto = {
  suitableTasks: ['Morgenruter', 'Eftermiddagsruter', 'Klargøring og rengøring af vogne'],
  splitShifts: true,
  coreTasks: ['Chaufførkørsel med borgere'],
  ancillaryTasks: ['Klargøring af vogne', 'Ledsagelse'],
  upskillingOptions: ['Kørekort kategori D1', 'Kursus i befordring af borgere med handicap'],
  estimatedHires: 26,
  notes: 'Delte vagter passer til fleksjobbere, der ikke kan arbejde en hel dag.',
};

export const DEMO_MEETINGS: Omit<MeetingDto, 'supplierId'>[] = [
  {
    heldOn: '2024-02-14',
    bidderName: DEMO_SUPPLIERS.transportA.name,
    participants: ['Udbudskonsulent', 'Virksomhedskonsulent', 'Driftschef (leverandør)'],
    notes: 'Positiv over for fleksjob på delte ruter.',
    willingness: 'high',
    tasksMatched: ['Morgenruter', 'Eftermiddagsruter'],
    upskillingNeeds: ['Kørekort kategori D1'],
  },
  {
    heldOn: '2024-02-21',
    bidderName: DEMO_SUPPLIERS.transportB.name,
    participants: ['Udbudskonsulent', 'Virksomhedskonsulent', 'HR (leverandør)'],
    notes: 'Vil samarbejde med en RSV om klargøring.',
    willingness: 'medium',
    tasksMatched: ['Klargøring af vogne'],
    upskillingNeeds: [],
  },
];

/** One clause for the whole tender, split between the two winners by lots won: 13 x 10 h/week each. */
export const DEMO_CLAUSE: ClauseDraftDto = {
  requiredHires: 26,
  weeklyHoursPerHire: 10,
  targetGroups: ['flexjob'],
  employmentForms: ['flexjob'],
  firstHireWithinMonths: 6,
  fullFulfilmentWithinMonths: 12,
};

export const DEMO_CONTRACT_PERIOD = { startDate: '2024-08-01', endDate: '2028-07-31' };

/** Lots 1-4 to one supplier, 5-8 to the other. */
export const DEMO_AWARD: { lotNumber: number; supplier: DemoSupplierKey }[] = Array.from({ length: 8 }, (_, i) => ({
  lotNumber: i + 1,
  supplier: i < 4 ? 'transportA' : 'transportB',
}));

/** The 16 flexjobs at Fynsk Rutekørsel: 186 hours a week; the first three were made through FlexVirk. */
export const DEMO_PLACEMENTS = [10, 10, 10, 10, 10, 12, 12, 12, 12, 12, 12, 12, 12, 14, 14, 12].map((weeklyHours, i) => ({
  weeklyHours,
  startDate: `2024-${String(9 + Math.floor(i / 4)).padStart(2, '0')}-${String(1 + (i % 4) * 7).padStart(2, '0')}`,
  throughPartner: i < 3,
}));

/** Who a clause wants hired (målgrupper). */
export const TARGET_GROUPS = [
  'flexjob',
  'cash_benefit',
  'refugee',
  'long_term_unemployed',
  'disability_pension',
  'apprentice_trainee',
  'other',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** On what terms they are employed. */
export const EMPLOYMENT_FORMS = ['ordinary', 'flexjob', 'wage_subsidy', 'trainee_apprentice', 'practicum'] as const;
export type EmploymentForm = (typeof EMPLOYMENT_FORMS)[number];

/** How the bidders' willingness looked in a dialogue meeting. */
export const WILLINGNESS = ['high', 'medium', 'low', 'none'] as const;
export type Willingness = (typeof WILLINGNESS)[number];

/** What a clause requires, as stored on a draft and on a contract's clause. */
export interface ClauseTerms {
  requiredHires: number;
  weeklyHoursPerHire: number | null;
  totalWeeklyHours: number | null;
  targetGroups: TargetGroup[];
  employmentForms: EmploymentForm[];
  requiresRsvCooperation: boolean;
  /** Counting rules: the share of its agreed period an early-ended placement must serve, and whether partner hires count. */
  earlyEndShare: number;
  partnerPlacementsCount: boolean;
}

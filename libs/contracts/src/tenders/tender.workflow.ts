import { defineWorkflow, type TransitionTable } from '@klausul/workflow';
import { UNIT_AND_ADMIN } from '../common/unit-roles';
import { createContracts } from './award.apply';
import { awardNamesKnownLotsAndSuppliers, clausesCoverTheLots, clausesNameKnownLots, dialogueHeldOrExplained, everyLotAwarded } from './tender.guards';
import { closeWithReason, handOverEffects, recordScreening, replaceClauseDrafts, startMatchingPhase } from './tender.writes';

export const TENDER_STATES = [
  'identified',
  'screening',
  'market_dialogue',
  'clause_defined',
  'published',
  'awarded',
  'handed_over',
  'not_suitable',
  'cancelled',
] as const;
export type TenderState = (typeof TENDER_STATES)[number];

export type TenderEvent =
  | 'screen'
  | 'start-dialogue'
  | 'record-meeting'
  | 'define-clause'
  | 'publish'
  | 'award'
  | 'hand-over'
  | 'not-suitable'
  | 'cancel';

const unit = UNIT_AND_ADMIN;

/** Phase 1 of the Odense model: from spotting clause potential in a tender to handing its contracts over to matching. */
export const tenderTransitions = {
  // The assessment may be revised while screening goes on.
  screen: { from: ['identified', 'screening'], to: 'screening', roles: unit },
  'start-dialogue': { from: ['screening'], to: 'market_dialogue', roles: unit },
  'record-meeting': { from: ['market_dialogue'], to: 'market_dialogue', roles: unit },
  // A clause may be redrafted until the tender is published.
  'define-clause': { from: ['market_dialogue', 'clause_defined'], to: 'clause_defined', roles: unit },
  publish: { from: ['clause_defined'], to: 'published', roles: unit },
  award: { from: ['published'], to: 'awarded', roles: unit },
  'hand-over': { from: ['awarded'], to: 'handed_over', roles: unit },
  'not-suitable': { from: ['screening', 'market_dialogue'], to: 'not_suitable', roles: unit },
  cancel: { from: ['identified', 'screening', 'market_dialogue', 'clause_defined', 'published'], to: 'cancelled', roles: unit },
} as const satisfies TransitionTable<TenderState, TenderEvent>;

export const tenderWorkflow = defineWorkflow<TenderState, TenderEvent>({
  table: {
    name: 'tender',
    states: TENDER_STATES,
    initial: 'identified',
    final: ['handed_over', 'not_suitable', 'cancelled'],
    events: tenderTransitions,
  },
  tableName: 'tender',
  resource: 'tenders',
  readRoles: UNIT_AND_ADMIN,
  behaviour: {
    screen: { apply: recordScreening },
    'define-clause': {
      guards: [clausesNameKnownLots, dialogueHeldOrExplained, clausesCoverTheLots],
      apply: replaceClauseDrafts,
    },
    award: {
      guards: [awardNamesKnownLotsAndSuppliers, everyLotAwarded],
      apply: createContracts,
    },
    'hand-over': {
      apply: startMatchingPhase,
      // Per contract: a welcome to the supplier's HR contacts now, a check-first-hire task at its deadline.
      effects: handOverEffects,
    },
    'not-suitable': { apply: closeWithReason },
    cancel: { apply: closeWithReason },
  },
});

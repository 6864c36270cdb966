import { WorkerHeartbeat1763880000000 } from './1763880000000-worker-heartbeat';
import { Identity1763880100000 } from './1763880100000-identity';
import { WorkflowEngine1763880200000 } from './1763880200000-workflow-engine';
import { SchedulingAndMessages1763880250000 } from './1763880250000-scheduling-and-messages';
import { Contracts1763880300000 } from './1763880300000-contracts';
import { Files1763880350000 } from './1763880350000-files';
import { Matching1763880400000 } from './1763880400000-matching';
import { Followup1763880500000 } from './1763880500000-followup';
import { Upskilling1763880600000 } from './1763880600000-upskilling';
import { ContractLists1764100000000 } from './1764100000000-contract-lists';
import { MatchingLists1764100100000 } from './1764100100000-matching-lists';
import { FollowupLists1764100200000 } from './1764100200000-followup-lists';
import { AdminLists1764100300000 } from './1764100300000-admin-lists';
import { HoursHistory1764100800000 } from './1764100800000-hours-history';
import { OperatorRole1764100600000 } from './1764100600000-operator-role';
import { ReviewRuns1764100400000 } from './1764100400000-review-runs';
import { RaceGuards1764100500000 } from './1764100500000-race-guards';
import { MessageSending1764100700000 } from './1764100700000-message-sending';
import { AccountTokens1764100900000 } from './1764100900000-account-tokens';
import { UnitWorkspace1764200000000 } from './1764200000000-unit-workspace';

/**
 * Every migration, in order. Listed explicitly (not globbed) because the apps are
 * bundled, where a glob over .ts files would find nothing.
 */
export const migrations = [
  WorkerHeartbeat1763880000000,
  Identity1763880100000,
  WorkflowEngine1763880200000,
  SchedulingAndMessages1763880250000,
  Contracts1763880300000,
  Files1763880350000,
  Matching1763880400000,
  Followup1763880500000,
  Upskilling1763880600000,
  ContractLists1764100000000,
  MatchingLists1764100100000,
  FollowupLists1764100200000,
  AdminLists1764100300000,
  HoursHistory1764100800000,
  OperatorRole1764100600000,
  ReviewRuns1764100400000,
  RaceGuards1764100500000,
  MessageSending1764100700000,
  AccountTokens1764100900000,
  UnitWorkspace1764200000000,
];

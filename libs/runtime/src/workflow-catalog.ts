import { tenderWorkflow } from '@klausul/contracts';
import { reviewWorkflow, upskillingParticipantWorkflow } from '@klausul/followup';
import { candidateWorkflow, jobOrderWorkflow, placementWorkflow } from '@klausul/matching';
import { probeWorkflow } from '@klausul/probe';
import type { WorkflowDefinition } from '@klausul/workflow';

/** Every workflow Klausul runs. `npm run docs:diagrams` draws each of them into docs/. */
export const workflowDefinitions: readonly WorkflowDefinition[] = [
  probeWorkflow as WorkflowDefinition,
  tenderWorkflow as WorkflowDefinition,
  jobOrderWorkflow as WorkflowDefinition,
  candidateWorkflow as WorkflowDefinition,
  placementWorkflow as WorkflowDefinition,
  reviewWorkflow as WorkflowDefinition,
  upskillingParticipantWorkflow as WorkflowDefinition,
];

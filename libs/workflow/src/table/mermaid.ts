import type { WorkflowTable } from './transition-table';

/** A Mermaid state diagram generated from the table: the only kind of workflow diagram Klausul has. */
export function mermaidDiagram(table: WorkflowTable): string {
  const lines = ['stateDiagram-v2', `  %% ${table.name}: generated from its transition table`, `  [*] --> ${table.initial}`];
  for (const [event, rule] of Object.entries(table.events)) {
    for (const from of rule.from) lines.push(`  ${from} --> ${rule.to}: ${event}`);
  }
  for (const state of table.final) lines.push(`  ${state} --> [*]`);
  return lines.join('\n') + '\n';
}

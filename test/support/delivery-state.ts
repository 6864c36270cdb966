type Query = (sql: string) => Promise<unknown[]>;

/**
 * What the outbox and the message log hold, in one line per row, for a test's failure
 * message: which step a delivery that did not arrive is stuck at (not relayed, relayed
 * but not completed, a message with attempts and its last error).
 */
export async function deliveryState(query: Query): Promise<string> {
  const outbox = (await query(
    `SELECT id, job_name, relayed_at IS NOT NULL AS relayed, completed_at IS NOT NULL AS completed,
            failed_at IS NOT NULL AS failed, last_error
       FROM outbox ORDER BY id DESC LIMIT 20`,
  )) as { id: string; job_name: string; relayed: boolean; completed: boolean; failed: boolean; last_error: string | null }[];
  const messages = (await query(
    `SELECT template, channel, delivery_status AS status, attempts, sent_at IS NOT NULL AS sent, last_error
       FROM message ORDER BY created_at DESC LIMIT 20`,
  )) as { template: string; channel: string; status: string; attempts: number; sent: boolean; last_error: string | null }[];
  const outboxLines = outbox.map((r) => `#${r.id} ${r.job_name} relayed=${r.relayed} completed=${r.completed} failed=${r.failed}${r.last_error ? ` error=${r.last_error}` : ''}`);
  const messageLines = messages.map((m) => `${m.channel} ${m.template} ${m.status} attempts=${m.attempts} sent=${m.sent}${m.last_error ? ` error=${m.last_error}` : ''}`);
  return `outbox (newest first): ${outboxLines.join(' | ') || 'empty'}; messages: ${messageLines.join(' | ') || 'none'}`;
}

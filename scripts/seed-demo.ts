/**
 * `npm run seed:demo`: creates the Odense reference case (DOMAIN.md) through the same
 * services and workflow engine as the API, so every step has its history. Idempotent:
 * a second run finds everything and changes nothing. Uses DATABASE_URL, or the embedded
 * PostgreSQL under KLAUSUL_DATA_DIR (stop `npm start` first: two processes cannot share it).
 * Prints the generated passwords of the demo users it creates, once.
 */
import 'reflect-metadata';
import { DemoSeedService } from '@klausul/contracts';
import { createApiApplication, failStartup, prepareRuntime, type Runtime } from '@klausul/runtime';

async function main(): Promise<void> {
  let runtime: Runtime | undefined;
  try {
    runtime = await prepareRuntime();
    // No queue workers here: the hand-over's milestones wait in PostgreSQL for the server's workers.
    const config = { ...runtime.config, runWorkerInProcess: false, seedDemo: false };
    const app = await createApiApplication({ ...runtime, config });
    await app.init();
    const result = await app.get(DemoSeedService).seed();
    await app.close();
    await runtime.embeddedDatabase?.stop();

    const lines = [`Demo data for Odense Kommune (tender ${result.tenderId}).`];
    lines.push(result.events.length ? `Tender events fired: ${result.events.join(', ')}.` : 'The demo tender was already handed over: nothing changed.');
    if (result.createdUsers.length) {
      lines.push('Demo users created (passwords are shown only now):');
      for (const user of result.createdUsers) lines.push(`  ${user.role.padEnd(24)} ${user.email.padEnd(40)} ${user.password}`);
    } else {
      lines.push('The demo users already existed; their passwords are not shown again.');
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    process.exit(0);
  } catch (error) {
    await failStartup(runtime, error);
  }
}

void main();

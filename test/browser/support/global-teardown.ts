import { cleanUp, runState } from './run-state';

export default async function globalTeardown(): Promise<void> {
  const run = runState.current;
  runState.current = undefined;
  if (run) await cleanUp(run);
}

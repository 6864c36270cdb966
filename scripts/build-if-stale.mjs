#!/usr/bin/env node
// `npm start` runs this first: it builds only when a source the bundles are made from is
// newer than the oldest bundle, or a bundle is missing, so an unchanged checkout starts
// at once instead of spending ~40 s rebuilding.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const bundles = ['dist/apps/api/main.js', 'dist/apps/worker/main.js'];
const sources = ['apps', 'libs', 'migrations', 'types', 'package.json', 'package-lock.json', 'nest-cli.json', 'tsconfig.json', 'tsconfig.build.json'];

function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function oldestBundle() {
  let oldest = Infinity;
  for (const bundle of bundles) {
    try {
      oldest = Math.min(oldest, statSync(bundle).mtimeMs);
    } catch {
      return { missing: bundle };
    }
  }
  return { oldest };
}

const built = oldestBundle();
const newestSource = Math.max(...sources.map(newestMtime));
if (built.missing === undefined && newestSource <= built.oldest) {
  console.log('Build is up to date (dist/ is newer than the sources): starting without rebuilding.');
  process.exit(0);
}
console.log(built.missing ? `No build yet (${built.missing} is missing): building...` : 'Sources changed since the last build: rebuilding...');
const result = spawnSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
process.exit(result.status ?? 1);

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

let cached: string | undefined;

/**
 * The folder holding the web UI's views, catalogues and own static files: the sources
 * (libs/web/src) when the process runs in a checkout (tests, `npm start` in development),
 * otherwise the copy the build puts beside the bundle (dist/web, see scripts/copy-web-assets.mjs).
 */
export function webRoot(): string {
  if (cached) return cached;
  const candidates = [join(process.cwd(), 'libs/web/src'), process.argv[1] ? resolve(dirname(process.argv[1]), '../../web') : ''];
  cached = candidates.find((dir) => dir && existsSync(join(dir, 'layout', 'base.njk')));
  if (!cached) throw new Error(`the web UI's views were not found (looked in ${candidates.filter(Boolean).join(', ')}); run npm run build`);
  return cached;
}

/** Where an installed package lives, found from the process's entry script or its working folder. */
export function packageDir(name: string): string {
  const bases = [process.argv[1], join(process.cwd(), 'package.json')].filter((base): base is string => Boolean(base));
  for (const base of bases) {
    let entry: string;
    try {
      // The package's main file (dkfds exports nothing else), then up to the folder of its package.json.
      entry = createRequire(resolve(base)).resolve(name);
    } catch {
      continue;
    }
    for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
      const manifest = join(dir, 'package.json');
      if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir;
    }
  }
  throw new Error(`the ${name} package is not installed (npm ci installs it)`);
}

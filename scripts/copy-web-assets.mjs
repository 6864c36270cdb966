#!/usr/bin/env node
// The build's last step: the web UI's views, catalogues and own static files (everything
// in libs/web/src but TypeScript) are copied to dist/web, beside the bundles, so a
// deployment that ships only dist/ and node_modules/ (the Dockerfile) can render pages.
import { cpSync, rmSync } from 'node:fs';

rmSync('dist/web', { recursive: true, force: true });
cpSync('libs/web/src', 'dist/web', { recursive: true, filter: (source) => !source.endsWith('.ts') });
console.log('web assets copied to dist/web');

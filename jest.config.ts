import type { Config } from 'jest';

const aliases = {
  '^@klausul/migrations$': '<rootDir>/migrations/index.ts',
  '^@klausul/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
};
// Nest 12 ships ES modules only; jest's CommonJS runtime cannot load them, so the
// tests run as ES modules (node --experimental-vm-modules, see package.json).
const transform: Config['transform'] = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json', useESM: true }],
};
const esm: Partial<Config> = { extensionsToTreatAsEsm: ['.ts'], moduleNameMapper: aliases, transform };

const config: Config = {
  projects: [
    {
      displayName: 'unit',
      rootDir: '.',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/libs/**/*.spec.ts', '<rootDir>/apps/**/*.spec.ts'],
      ...esm,
    },
    {
      displayName: 'integration',
      rootDir: '.',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts', '<rootDir>/test/**/*.int-spec.ts'],
      ...esm,
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 60_000,
    },
  ],
  maxWorkers: 2,
  // Integration tests boot the app on real services; a loaded CI machine is slower than a laptop.
  testTimeout: 60_000,
};

export default config;

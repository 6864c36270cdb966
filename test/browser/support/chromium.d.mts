export declare const DEBIAN_CHROMIUM: string;
export declare const NO_CHROMIUM: string;
export type ChromiumLookup = { path: string; from: 'CHROMIUM_PATH' | 'debian' | 'playwright' } | { problem: string };
export declare function findChromium(env: NodeJS.ProcessEnv, playwrightOwn: () => string | undefined): ChromiumLookup;

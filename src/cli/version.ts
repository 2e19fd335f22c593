/** The package version, defined by the esbuild bundle of the CLI (scripts/build.mjs); 'dev' when run from out/. */
declare const SOVCODE_VERSION: string | undefined;

export const CLI_VERSION = typeof SOVCODE_VERSION === 'string' ? SOVCODE_VERSION : 'dev';

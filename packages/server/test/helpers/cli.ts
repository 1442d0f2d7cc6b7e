/**
 * The `rapport` CLI as the tests start it: from its TypeScript source through tsx, with the
 * server package as the working directory, so a test needs no build. The installed command
 * (`dist/cli.js`) is the same file compiled; the consumer check runs that one.
 */
export const CLI_ARGS = ['--import', 'tsx', 'src/cli.ts'] as const;

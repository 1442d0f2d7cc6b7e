/** Placeholder until the server's reusable ingest bench lands. */
export async function measureIngest(): Promise<string> {
  throw new Error('packages/server/bench/ingest.ts is not available yet');
}

/**
 * Allowed origins are `scheme://host[:port]`, nothing after. The server checks the same; this
 * gives the message before the round trip.
 */
export function originProblem(origin: string): string | undefined {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `"${origin}" is not an origin. Write it like https://shop.example.com`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `"${origin}" must start with https:// or http://`;
  }
  const bare = `${url.protocol}//${url.host}`;
  if (origin.replace(/\/$/, '') !== bare) {
    return `"${origin}" has a path, query or user part; use ${bare}`;
  }
  return undefined;
}

/** Splits a textarea of origins (one a line, or comma-separated) into trimmed entries. */
export function parseOrigins(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((entry) => entry.trim().replace(/\/$/, ''))
    .filter(Boolean);
}

/** The first problem among several origins. */
export function originsProblem(origins: string[]): string | undefined {
  for (const origin of origins) {
    const problem = originProblem(origin);
    if (problem) return problem;
  }
  return undefined;
}

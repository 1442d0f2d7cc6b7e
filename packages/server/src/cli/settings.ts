import type { RateWindow } from '../limits';
import { compileTrustProxy, type TrustProxy } from '../middleware/client-ip';

/**
 * Parsers of single environment variables for the CLI. Each takes the raw value (undefined
 * when unset) and returns the setting, or throws an Error whose message is the one line the
 * operator reads — `cli-config.ts` collects them all.
 */

/** The value trimmed, or undefined when unset or blank. */
export function nonEmpty(value: string | undefined): string | undefined {
  return value && value.trim().length > 0 ? value.trim() : undefined;
}

/** A value quoted for an error line, cut so a pasted blob cannot flood the terminal. */
function quoted(raw: string): string {
  return `"${raw.slice(0, 200)}"`;
}

/** A TCP port (0–65535); undefined when unset. */
export function portOf(name: string, value: string | undefined): number | undefined {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  const port = Number(raw);
  if (!/^[0-9]+$/.test(raw) || port > 65_535) {
    throw new Error(`${name} must be a port number (0–65535), not ${quoted(raw)}.`);
  }
  return port;
}

/** A whole number at least `least`; undefined when unset. */
export function wholeOf(
  name: string,
  value: string | undefined,
  least: number,
): number | undefined {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  if (!/^[0-9]+$/.test(raw) || Number(raw) < least) {
    throw new Error(`${name} must be a whole number, at least ${least}, not ${quoted(raw)}.`);
  }
  return Number(raw);
}

/** A number of seconds, fractions allowed; undefined when unset. */
export function secondsOf(name: string, value: string | undefined): number | undefined {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new Error(`${name} must be a number of seconds, not ${quoted(raw)}.`);
  }
  return seconds;
}

/**
 * `1` or `0`; undefined when unset. Anything else is a mistake, not "on": `RAPPORT_DEMO=false`
 * used to leave the demo keys on.
 */
export function flagOf(name: string, value: string | undefined): boolean | undefined {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  if (raw === '1') return true;
  if (raw === '0') return false;
  throw new Error(`${name} must be 1 or 0, not ${quoted(value?.trim() ?? '')}.`);
}

/** A URL with one of `protocols` (e.g. `postgres:`); undefined when unset. */
export function urlOf(
  name: string,
  value: string | undefined,
  protocols: string[],
  example: string,
): string | undefined {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !protocols.includes(url.protocol)) {
    // The value may hold a password: name only its scheme.
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(raw)?.[0];
    const given = scheme ? `a ${scheme} URL` : 'something that is not a URL';
    throw new Error(`${name} must be a URL such as ${example}, not ${given}.`);
  }
  return raw;
}

/** `RAPPORT_PUBLIC_URL` checked: an absolute http(s) URL with no query or fragment. */
export function publicUrlOf(value: string | undefined): string | undefined {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  const url = URL.canParse(raw) ? new URL(raw) : undefined;
  if (!url || !/^https?:$/.test(url.protocol) || url.search || url.hash || url.username) {
    throw new Error(
      `RAPPORT_PUBLIC_URL must be an http(s) URL such as https://rapport.example.com, not ${quoted(raw)}.`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/**
 * `RAPPORT_TRUST_PROXY`: unset, empty or `0`/`false` for none; a hop count; or a
 * comma-separated list of addresses, CIDRs and the names loopback, uniquelocal, linklocal.
 * `true` is refused: trusting every hop lets any client pick its IP.
 */
export function trustProxyOf(value: string | undefined): TrustProxy {
  const raw = nonEmpty(value);
  if (raw === undefined || raw === '0' || raw === 'false') return false;
  if (/^[0-9]+$/.test(raw)) return Number(raw);
  const hint =
    'name the proxies (loopback, or CIDRs such as 10.0.1.0/24) or give a hop count such as 1';
  if (raw === 'true') {
    throw new Error(`RAPPORT_TRUST_PROXY=true would let any client pick its IP; ${hint}.`);
  }
  try {
    compileTrustProxy(raw);
  } catch (error) {
    throw new Error(`RAPPORT_TRUST_PROXY: ${(error as Error).message}; ${hint}.`);
  }
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** A requests-per-minute setting: unset keeps the default, `0` turns the limit off. */
export function perMinuteOf(
  name: string,
  value: string | undefined,
): RateWindow | undefined | false {
  const raw = nonEmpty(value);
  if (raw === undefined) return undefined;
  if (!/^[0-9]+$/.test(raw)) {
    throw new Error(
      `${name} must be a whole number of requests per minute (0 for no limit), not ${quoted(raw)}.`,
    );
  }
  const points = Number(raw);
  return points === 0 ? false : { points, durationSeconds: 60 };
}

/** A comma-separated list, entries trimmed, blanks dropped. */
export function listOf(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

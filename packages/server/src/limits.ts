import { MAX_BODY_BYTES } from '@rapport/protocol';
import type Redis from 'ioredis';
import { compileTrustProxy, type TrustFn, type TrustProxy } from './middleware/client-ip';

/** One rate-limit window: at most `points` requests per `durationSeconds`. */
export interface RateWindow {
  /** Requests allowed in the window. */
  points: number;
  /** Window length in seconds. */
  durationSeconds: number;
}

/** Limits a Rapport app enforces. Every field is optional; omitted ones keep their default. */
export interface LimitsOptions {
  /**
   * Largest request body in bytes; larger ones get 413 `payload_too_large`.
   * @default MAX_BODY_BYTES (64 KiB)
   */
  maxBodyBytes?: number;
  /**
   * Requests per secret key (the admin API), or `false` for no limit.
   * @default { points: 6000, durationSeconds: 60 }
   */
  perKey?: RateWindow | false;
  /**
   * Requests per publishable key (`pk_…`, the public API), or `false` for no limit. Only a
   * safety net, far above any real site's traffic: every visitor shares this budget, so a
   * low value would let one visitor switch the widget off for everyone (issue 9, item 8).
   * The per-IP limit is the one that bites.
   * @default { points: 60000, durationSeconds: 60 }
   */
  perPublishableKey?: RateWindow | false;
  /**
   * Requests per client IP, or `false` for no limit.
   * @default { points: 600, durationSeconds: 60 }
   */
  perIp?: RateWindow | false;
  /**
   * An ioredis client: counters are then shared by every instance using the same Redis.
   * @default undefined (counters in this process's memory)
   * @example new Redis(process.env.REDIS_URL)
   */
  redis?: Redis;
  /**
   * Prefix of rate-limit keys (Redis keys when `redis` is set). Instances that should share
   * counters use the same prefix.
   * @default 'rapport'
   */
  keyPrefix?: string;
  /**
   * Which proxies to believe about the client IP in `X-Forwarded-For`: `false`, a hop count,
   * addresses/CIDRs/names (`loopback`, `uniquelocal`, `linklocal`), or `true` for all; the
   * client is the rightmost hop not trusted. See {@link TrustProxy}.
   * @default false (the socket's peer is the client)
   * @example 'loopback' // nginx on the same host
   * @example ['10.0.1.0/24'] // a load balancer's subnet
   */
  trustProxy?: TrustProxy;
}

/** {@link LimitsOptions} with defaults filled in. */
export interface ResolvedLimits {
  maxBodyBytes: number;
  perKey: RateWindow | false;
  perPublishableKey: RateWindow | false;
  perIp: RateWindow | false;
  redis: Redis | undefined;
  keyPrefix: string;
  /** {@link LimitsOptions.trustProxy}, compiled. */
  trustProxy: TrustFn;
}

/**
 * Fills in the defaults of {@link LimitsOptions}.
 * @throws TypeError when `trustProxy` names something that is not an address, CIDR or name.
 */
export function resolveLimits(options: LimitsOptions = {}): ResolvedLimits {
  return {
    maxBodyBytes: options.maxBodyBytes ?? MAX_BODY_BYTES,
    perKey: options.perKey ?? { points: 6000, durationSeconds: 60 },
    perPublishableKey: options.perPublishableKey ?? { points: 60_000, durationSeconds: 60 },
    perIp: options.perIp ?? { points: 600, durationSeconds: 60 },
    redis: options.redis,
    keyPrefix: options.keyPrefix ?? 'rapport',
    trustProxy: compileTrustProxy(options.trustProxy ?? false),
  };
}

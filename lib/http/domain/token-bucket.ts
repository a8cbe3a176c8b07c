// Token buckets for the public pages' rate limit (/gongshi, no login). Pure:
// the caller passes the time, so the tests need no clock. Each key (a client
// address, or one shared key when the address cannot be trusted) holds up to
// `capacity` tokens, refilled at `refillPerSecond`; a request takes one.

export type BucketRule = { capacity: number; refillPerSecond: number };
export type Bucket = { tokens: number; at: number };
export type Take = { allowed: boolean; bucket: Bucket; retryAfterSeconds: number };

/** One request against one bucket at `nowMs`. A missing bucket starts full. */
export function takeToken(bucket: Bucket | undefined, rule: BucketRule, nowMs: number): Take {
  const start = bucket ?? { tokens: rule.capacity, at: nowMs };
  const elapsed = Math.max(0, nowMs - start.at) / 1000;
  const tokens = Math.min(rule.capacity, start.tokens + elapsed * rule.refillPerSecond);
  if (tokens >= 1) return { allowed: true, bucket: { tokens: tokens - 1, at: nowMs }, retryAfterSeconds: 0 };
  const retryAfterSeconds = Math.max(1, Math.ceil((1 - tokens) / rule.refillPerSecond));
  return { allowed: false, bucket: { tokens, at: nowMs }, retryAfterSeconds };
}

/**
 * The buckets of one process, bounded: past `maxKeys` the buckets that have
 * refilled completely (idle clients, nothing to remember) are dropped, then
 * the oldest, so a flood of forged keys cannot grow memory without end.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rule: BucketRule,
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string, nowMs: number): Take {
    const result = takeToken(this.buckets.get(key), this.rule, nowMs);
    this.buckets.delete(key);
    this.buckets.set(key, result.bucket);
    if (this.buckets.size > this.maxKeys) this.prune(nowMs);
    return result;
  }

  get size(): number {
    return this.buckets.size;
  }

  private prune(nowMs: number) {
    const fullAfterMs = (b: Bucket) => b.at + ((this.rule.capacity - b.tokens) / this.rule.refillPerSecond) * 1000;
    for (const [key, b] of this.buckets) if (fullAfterMs(b) <= nowMs) this.buckets.delete(key);
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) break;
      this.buckets.delete(key);
    }
  }
}

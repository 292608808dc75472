import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/** A fixed number of requests per key and minute, counted in this process. */
export class PerMinuteLimit {
  private readonly limiter: RateLimiterMemory;

  constructor(perMinute: number) {
    this.limiter = new RateLimiterMemory({ points: perMinute, duration: 60 });
  }

  /** undefined when the request may go ahead; otherwise the seconds to wait before the next one. */
  async take(key: string): Promise<number | undefined> {
    try {
      await this.limiter.consume(key);
      return undefined;
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw refusal;
      return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    }
  }
}

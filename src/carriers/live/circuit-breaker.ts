/**
 * A small circuit breaker: after `threshold` failures in a row the carrier is
 * not asked for `coolDownMs`; callers fall back at once instead of waiting
 * for timeouts that would come anyway. The first call after the cool-down
 * goes through: a success closes the breaker, a failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;

  constructor(
    readonly threshold: number,
    readonly coolDownMs: number,
    private readonly now: () => number,
  ) {}

  /** When the breaker is open: the moment (ms) the next call may go through; otherwise undefined. */
  blockedUntil(): number | undefined {
    return this.now() < this.openUntil ? this.openUntil : undefined;
  }

  /** Failures in a row so far. */
  get consecutiveFailures(): number {
    return this.failures;
  }

  success(): void {
    this.failures = 0;
    this.openUntil = 0;
  }

  failure(): void {
    this.failures++;
    if (this.failures >= this.threshold) this.openUntil = this.now() + this.coolDownMs;
  }
}

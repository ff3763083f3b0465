/** The bot's sense of "now". The terminal chat can freeze it (`/now …`) so a scripted demo reads the same every day. */
export interface Clock {
  now(): Date;
}

export class AdjustableClock implements Clock {
  private fixed: Date | undefined;

  now(): Date {
    // real time unless frozen: this is the one clock every decision reads.
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Whether the clock stands still (set by `set`) rather than following real time. */
  isFrozen(): boolean {
    return this.fixed !== undefined;
  }

  /** Freezes the clock at `instant`; `undefined` returns to real time. */
  set(instant: Date | undefined): void {
    this.fixed = instant;
  }
}

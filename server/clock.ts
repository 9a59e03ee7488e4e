/**
 * The time source of the application. Everything that asks "what time is it?" (deadlines,
 * reminders, session expiry, the day an unannounced visit starts) asks the clock in the app's
 * dependencies, so tests choose the time instead of waiting for it (promise 8).
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests: starts at `start` and moves only when told. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(at: Date | string): void {
    this.current = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

import { DomainError } from '../../common/domain-error';

/**
 * Caps the password checks (argon2, memory- and CPU-hungry) running at once in this process, with a bounded
 * queue behind them: a flood of logins gets quick 503s instead of starving every other request of CPU.
 */
export class HashingGate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrency) this.active++;
    else if (this.waiting.length < this.maxWaiting) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else throw new DomainError('AUTH.BUSY', 'Too many sign-ins at once; try again in a moment', 1);
    try {
      return await work();
    } finally {
      // Hand the slot straight to the next in line, so nobody can overtake the queue.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

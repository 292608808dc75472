import { Inject, Injectable } from '@nestjs/common';
import * as argon2 from '@node-rs/argon2';
import { authConfig, AuthConfig } from '../auth.config';
import { HashingGate } from './hashing-gate';

// Verified against when the username does not exist, so a login takes as long either way.
const NO_SUCH_USER_HASH = argon2.hash('no such user');

/** argon2id password hashes, every one through the process's hashing gate. */
@Injectable()
export class PasswordHasher {
  private readonly gate: HashingGate;

  constructor(@Inject(authConfig.KEY) config: AuthConfig) {
    this.gate = new HashingGate(config.hashing.concurrency, config.hashing.queue);
  }

  /** Runs a password check (and what it needs around it) in one of the gate's slots; AUTH.BUSY when full. */
  checking<T>(work: () => Promise<T>): Promise<T> {
    return this.gate.run(work);
  }

  hash(password: string): Promise<string> {
    return this.gate.run(() => argon2.hash(password));
  }

  /** Call inside `checking`. An absent hash is checked against a dummy, so a wrong username costs the same. */
  async matches(hash: string | undefined, password: string): Promise<boolean> {
    const valid = await argon2.verify(hash ?? (await NO_SUCH_USER_HASH), password);
    return valid && hash !== undefined;
  }

  /** Call inside `checking`: a new hash computed in the slot already held. */
  hashInSlot(password: string): Promise<string> {
    return argon2.hash(password);
  }
}

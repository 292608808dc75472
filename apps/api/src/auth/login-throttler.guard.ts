import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Login attempts are limited per address and username, so guessing one account's password is slow. */
@Injectable()
export class LoginThrottler extends ThrottlerGuard {
  protected override async getTracker(request: { ip?: string; body?: { username?: unknown } }): Promise<string> {
    const username = typeof request.body?.username === 'string' ? request.body.username.slice(0, 100) : '';
    return `${request.ip}:${username}`;
  }
}

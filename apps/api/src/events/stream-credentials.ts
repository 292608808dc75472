import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Authenticator } from '../auth/authenticator';
import { audiencesOf } from '../auth/principal';
import { sessionIdOf } from '../auth/session/session-cookie';
import { SessionStore } from '../auth/session/session.store';
import { EVENT_AUDIENCE } from './event-audience';

/**
 * Whether the credentials that opened an event stream are still good, and when to look again: at the session's
 * end (idle or maximum age) or after `maxWaitMs`, whichever comes first. Looking never counts as using the
 * session, so an open stream alone does not keep a shared office computer signed in.
 */
@Injectable()
export class StreamCredentials {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly sessions: SessionStore,
  ) {}

  /** Milliseconds until the next check, or undefined when the stream must end now. */
  async nextCheckIn(request: Request, maxWaitMs: number): Promise<number | undefined> {
    try {
      const principal = await this.authenticator.authenticate(request, { useSession: false });
      if (!principal || !audiencesOf(principal).some((a) => EVENT_AUDIENCE.includes(a))) return undefined;
    } catch {
      return undefined;
    }
    const id = request.header('authorization') === undefined ? sessionIdOf(request) : undefined;
    if (id === undefined) return maxWaitMs;
    // Read again: the session may have ended since the check above (a sign-out at that moment).
    const session = await this.sessions.peek(id);
    if (!session) return undefined;
    return Math.max(50, Math.min(maxWaitMs, session.expiresAt.getTime() - Date.now() + 50));
  }
}

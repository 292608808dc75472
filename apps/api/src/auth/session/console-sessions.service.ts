import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/domain-error';
import { Authenticator } from '../authenticator';
import { STAFF_AUDIENCE, SUBJECT_AUDIENCE, Tokens } from '../tokens';
import { SessionAnswer } from './session.dto';
import { Session, SessionStore } from './session.store';

/** The console's sessions: made from a staff access token, read back, ended (docs/console.md). */
@Injectable()
export class ConsoleSessions {
  constructor(
    private readonly tokens: Tokens,
    private readonly authenticator: Authenticator,
    private readonly store: SessionStore,
  ) {}

  /** A new session for the staff member the token names; the id is for the cookie only. */
  async start(accessToken: string): Promise<{ id: string; answer: SessionAnswer }> {
    const claims = await this.tokens.verify(accessToken, [STAFF_AUDIENCE, SUBJECT_AUDIENCE]);
    if (claims.aud !== STAFF_AUDIENCE) throw staffOnly();
    const staff = await this.authenticator.staffPrincipal(claims.sub, claims.iat);
    const { id, session } = await this.store.open(staff.username, claims.iat);
    return { id, answer: answer(staff, session) };
  }

  /** The live session, counted as a use; AUTH.SESSION_ENDED (or the account's refusal) otherwise. */
  async current(id: string | undefined): Promise<SessionAnswer> {
    const session = id === undefined ? undefined : await this.store.use(id);
    if (!session) throw new DomainError('AUTH.SESSION_ENDED', 'No session: sign in again');
    return answer(await this.authenticator.staffPrincipal(session.username, session.issuedAt), session);
  }

  async end(id: string): Promise<void> {
    await this.store.revoke(id);
  }
}

export function staffOnly(): DomainError {
  return new DomainError('AUTH.STAFF_ONLY', 'Console sessions are for staff: sign in with POST /auth/login');
}

function answer(staff: { username: string; roles: SessionAnswer['roles'] }, session: Session): SessionAnswer {
  return { username: staff.username, roles: staff.roles, expiresAt: session.expiresAt.toISOString() };
}

import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { securityConfig } from '@sg/config';

/** A live console session, as the store reads it. */
export interface Session {
  username: string;
  /** the iat (seconds) of the access token it was made from */
  issuedAt: number;
  /** when it ends if not used before then: idle timeout from its last use, capped by its maximum age */
  expiresAt: Date;
}

interface SessionRow {
  username: string;
  issued_at: string;
  created_at: Date;
  last_seen_at: Date;
}

const hashOf = (id: string) => createHash('sha256').update(id).digest('hex');
const LIVE = `id_hash = $1 AND revoked_at IS NULL
  AND last_seen_at > now() - $2 * interval '1 millisecond' AND created_at > now() - $3 * interval '1 millisecond'`;
const RETURNED = 'username, issued_at, created_at, last_seen_at';

/** Console sessions in PostgreSQL (shared by every API process); only a hash of each id is stored. */
@Injectable()
export class SessionStore {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(securityConfig.KEY) private readonly security: ConfigType<typeof securityConfig>,
  ) {}

  get maxAgeMs(): number {
    return this.security.sessionMaxAgeMs;
  }

  /** A new session; the id goes to the browser only, in the cookie. */
  async open(username: string, issuedAt: number): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString('base64url');
    const rows = (await this.dataSource.query(
      `INSERT INTO staff_sessions (id_hash, username, issued_at) VALUES ($1, $2, $3) RETURNING ${RETURNED}`,
      [hashOf(id), username, issuedAt],
    )) as SessionRow[];
    return { id, session: this.toSession(rows[0]) };
  }

  /** The session if it is live, marked as used now (the idle timeout slides). */
  async use(id: string): Promise<Session | undefined> {
    const [rows] = (await this.dataSource.query(
      `UPDATE staff_sessions SET last_seen_at = now() WHERE ${LIVE} RETURNING ${RETURNED}`,
      this.params(id),
    )) as [SessionRow[], number];
    return rows[0] && this.toSession(rows[0]);
  }

  /** The session if it is live, without counting this as a use (an open event stream does not keep it alive). */
  async peek(id: string): Promise<Session | undefined> {
    const rows = (await this.dataSource.query(
      `SELECT ${RETURNED} FROM staff_sessions WHERE ${LIVE}`,
      this.params(id),
    )) as SessionRow[];
    return rows[0] && this.toSession(rows[0]);
  }

  async revoke(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE staff_sessions SET revoked_at = now() WHERE id_hash = $1 AND revoked_at IS NULL`,
      [hashOf(id)],
    );
  }

  private params(id: string) {
    return [hashOf(id), this.security.sessionIdleMs, this.security.sessionMaxAgeMs];
  }

  private toSession(row: SessionRow): Session {
    const idleEnd = row.last_seen_at.getTime() + this.security.sessionIdleMs;
    const absoluteEnd = row.created_at.getTime() + this.security.sessionMaxAgeMs;
    return {
      username: row.username,
      issuedAt: Number(row.issued_at),
      expiresAt: new Date(Math.min(idleEnd, absoluteEnd)),
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DataSource, QueryFailedError } from 'typeorm';
import { routesConfig } from '@sg/agencies/routes.config';
import { DomainError } from '../common/domain-error';
import { CreateShiftDto, ShiftRangeQuery } from './rota.dto';
import { fitsLevel, LEVEL_HOLDERS, ShiftAccount, shiftTimesProblem } from './shift-rules';

const DAY_MS = 24 * 60 * 60 * 1000;
const LONGEST_RANGE_MS = 92 * DAY_MS;

export interface ShiftView {
  id: string;
  username: string;
  level: number;
  startsAt: string;
  endsAt: string;
}

/** The on-call rota (SPEC §7): who is on call when, at which level. Shifts are cancelled, never deleted. */
@Injectable()
export class RotaService {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(routesConfig.KEY) private readonly routes: ConfigType<typeof routesConfig>,
  ) {}

  async create(shift: CreateShiftDto, createdBy: string, now = new Date()): Promise<{ id: string }> {
    const startsAt = new Date(shift.startsAt);
    const endsAt = new Date(shift.endsAt);
    const problem = shiftTimesProblem(startsAt, endsAt, now);
    if (problem) throw new DomainError('ROTA.INVALID', problem);
    const [account]: ShiftAccount[] = await this.dataSource.query(
      `SELECT username, roles FROM staff_accounts WHERE username = $1 AND disabled_at IS NULL`,
      [shift.username],
    );
    if (!account) throw new DomainError('ROTA.INVALID', `There is no active staff account named ${shift.username}`);
    if (!fitsLevel(shift.level, account, this.routes.leadUsernames))
      throw new DomainError(
        'ROTA.INVALID',
        `A level ${shift.level} shift is for ${LEVEL_HOLDERS[shift.level]}; ${shift.username} is not`,
      );
    try {
      const [row]: { id: string }[] = await this.dataSource.query(
        `INSERT INTO rota_shifts (username, level, starts_at, ends_at, created_by) VALUES ($1, $2, $3, $4, $5)
         RETURNING id`,
        [shift.username, shift.level, startsAt, endsAt, createdBy],
      );
      return { id: row.id };
    } catch (error) {
      // The exclusion constraint, so two requests at once cannot both get in.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23P01')
        throw new DomainError('ROTA.OVERLAP', `${shift.username} already has a shift that overlaps this one`);
      throw error;
    }
  }

  async list(query: ShiftRangeQuery, now = new Date()): Promise<{ items: ShiftView[] }> {
    const from = query.from ? new Date(query.from) : now;
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 7 * DAY_MS);
    if (!(to > from)) throw new DomainError('ROTA.INVALID', 'to must be after from');
    if (to.getTime() - from.getTime() > LONGEST_RANGE_MS)
      throw new DomainError('ROTA.INVALID', 'from and to can be at most 92 days apart');
    const rows: { id: string; username: string; level: number; starts_at: Date; ends_at: Date }[] =
      await this.dataSource.query(
        `SELECT id, username, level, starts_at, ends_at FROM rota_shifts
          WHERE cancelled_at IS NULL AND ends_at > $1 AND starts_at < $2 ORDER BY starts_at, username`,
        [from, to],
      );
    return {
      items: rows.map((r) => ({
        id: r.id,
        username: r.username,
        level: r.level,
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at.toISOString(),
      })),
    };
  }

  /** A shift that has ended stays: the rota is also the record of who was on call when a case was paged. */
  async cancel(id: string, cancelledBy: string): Promise<void> {
    // TypeORM answers an UPDATE with [rows, count].
    const [, cancelled]: [unknown[], number] = await this.dataSource.query(
      `UPDATE rota_shifts SET cancelled_at = now(), cancelled_by = $2
        WHERE id = $1 AND cancelled_at IS NULL AND ends_at > now()`,
      [id, cancelledBy],
    );
    if (cancelled) return;
    const [found]: { cancelled_at: Date | null }[] = await this.dataSource.query(
      `SELECT cancelled_at FROM rota_shifts WHERE id = $1`,
      [id],
    );
    if (!found || found.cancelled_at) throw new DomainError('ROTA.NOT_FOUND', `No shift with id ${id}`);
    throw new DomainError('ROTA.SHIFT_ENDED', 'The shift has ended: it stays on the record');
  }
}

import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { TemporalClient } from '@sg/temporal';
import { Public } from '../auth/roles.guard';

type Reading = 'up' | 'down';
const TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly temporal: TemporalClient,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: '{status: "ok", db: "up", temporal: "up"}' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down: {status: "degraded", db, temporal}' })
  async check(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: string; db: Reading; temporal: Reading }> {
    const readings = await this.readings();
    const healthy = readings.db === 'up' && readings.temporal === 'up';
    response.status(healthy ? 200 : 503);
    return { status: healthy ? 'ok' : 'degraded', ...readings };
  }

  /** Liveness: the process answers. Restart it only when this fails. */
  @Get('live')
  @Public()
  @ApiOkResponse({ description: '{status: "ok"}' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: it can take traffic. That needs the database; it does not need Temporal, since intake stores the case
   * and the relay starts its workflow when Temporal is back (temporal is reported, but never makes this 503).
   */
  @Get('ready')
  @Public()
  @ApiOkResponse({ description: '{status: "ready", db: "up", temporal: "up" | "down"}' })
  @ApiServiceUnavailableResponse({ description: 'The database is down: {status: "not_ready", db: "down", temporal}' })
  async ready(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: 'ready' | 'not_ready'; db: Reading; temporal: Reading }> {
    const { db, temporal } = await this.readings();
    response.status(db === 'up' ? 200 : 503);
    return { status: db === 'up' ? 'ready' : 'not_ready', db, temporal };
  }

  private async readings(): Promise<{ db: Reading; temporal: Reading }> {
    const [db, temporal] = await Promise.all([
      this.db.pingCheck('db', { timeout: TIMEOUT_MS }),
      this.indicators
        .check('temporal')
        .attempt(() => this.pingTemporal())
        .withTimeout(TIMEOUT_MS),
    ]);
    return {
      db: db.db.status === 'up' ? 'up' : 'down',
      temporal: temporal.temporal.status === 'up' ? 'up' : 'down',
    };
  }

  private async pingTemporal(): Promise<void> {
    const { connection } = this.temporal;
    await connection.withDeadline(Date.now() + TIMEOUT_MS, () => connection.healthService.check({}));
  }
}

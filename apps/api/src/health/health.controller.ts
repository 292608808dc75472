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
    const [db, temporal] = await Promise.all([
      this.db.pingCheck('db', { timeout: TIMEOUT_MS }),
      this.indicators
        .check('temporal')
        .attempt(() => this.pingTemporal())
        .withTimeout(TIMEOUT_MS),
    ]);
    const readings = {
      db: db.db.status === 'up' ? 'up' : 'down',
      temporal: temporal.temporal.status === 'up' ? 'up' : 'down',
    } as const;
    const healthy = readings.db === 'up' && readings.temporal === 'up';
    response.status(healthy ? 200 : 503);
    return { status: healthy ? 'ok' : 'degraded', ...readings };
  }

  private async pingTemporal(): Promise<void> {
    const { connection } = this.temporal;
    await connection.withDeadline(Date.now() + TIMEOUT_MS, () => connection.healthService.check({}));
  }
}

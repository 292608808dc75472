import { Controller, Get, Headers, Res, UnauthorizedException } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { validateEnvironment } from '@sg/config';
import { metricsAccessAllowed } from '@sg/observability';
import { Public } from '../auth/roles.guard';
import { ApiMetrics } from './api-metrics';
import { ReviewQueueMetrics } from './review-queue-metrics';

/** Prometheus scrapes; guarded by METRICS_TOKEN rather than a staff role (docs/operations.md). */
@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  private readonly token = validateEnvironment(process.env).METRICS_TOKEN;

  constructor(
    private readonly metrics: ApiMetrics,
    private readonly queue: ReviewQueueMetrics,
  ) {}

  @Get()
  @Public()
  @ApiBearerAuth()
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text format' })
  @ApiUnauthorizedResponse({ description: 'METRICS_TOKEN is set and the bearer token is not it' })
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    if (!metricsAccessAllowed(authorization, this.token))
      throw new UnauthorizedException('Send the metrics token: Authorization: Bearer <METRICS_TOKEN>');
    await this.queue.refresh();
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    res.send(await this.metrics.registry.metrics());
  }
}

import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Roles } from '../auth/roles.guard';
import { SESSION_COOKIE } from '../auth/session/session-cookie';
import { DomainError } from '../common/domain-error';
import { ApiMetrics } from '../observability/api-metrics';
import { EVENT_AUDIENCE } from './event-audience';
import { toServerSentEvent } from './read-model-change';
import { ReadModelChanges } from './read-model-changes';
import { StreamCredentials } from './stream-credentials';

const HEARTBEAT_MS = 15_000;
/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2_000;

/** Live updates of the read model as server-sent events (docs/console.md). */
@ApiTags('events')
@ApiBearerAuth()
@ApiCookieAuth(SESSION_COOKIE)
@Controller('events')
export class EventsController {
  constructor(
    private readonly changes: ReadModelChanges,
    private readonly credentials: StreamCredentials,
    private readonly metrics: ApiMetrics,
  ) {}

  @Get()
  @Roles(...EVENT_AUDIENCE)
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'A stream of `event: case` {id, status, level, escalated} and `event: task` {id, caseId, status}, one per ' +
      'change to the read model; a comment every 15 s; it ends when the session or token does (reconnect, then reload)',
  })
  stream(@Req() request: Request, @Res() response: Response): void {
    if (!this.changes.listening)
      throw new DomainError('EVENTS.UNAVAILABLE', 'Live updates are not available just now; try again shortly');
    response.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'X-Accel-Buffering': 'no' });
    response.flushHeaders();
    response.write(`retry: ${RETRY_MS}\n\n`);
    this.metrics.streamOpened();

    let checkTimer: NodeJS.Timeout | undefined;
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    const unsubscribe = this.changes.subscribe({
      change: (change) => response.write(toServerSentEvent(change)),
      lost: () => end(),
    });
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      clearInterval(heartbeat);
      clearTimeout(checkTimer);
      unsubscribe();
      this.metrics.streamClosed();
      response.end();
    };
    const check = async () => {
      const wait = await this.credentials.nextCheckIn(request, HEARTBEAT_MS);
      if (ended) return;
      if (wait === undefined) end();
      else checkTimer = setTimeout(() => void check(), wait);
    };
    response.on('close', end);
    void check();
  }
}

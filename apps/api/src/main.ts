import 'reflect-metadata';
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { apiConfig, createServiceLogger, exitOnBootFailure, validateEnvironment } from '@sg/config';
import { AppModule } from './app.module';
import { SESSION_COOKIE } from './auth/session/session-cookie';
import { trustProxySetting } from './auth/throttle/trust-proxy';
import { HttpErrorFilter } from './common/http-error.filter';
import { SafeJsonPipe } from './common/safe-json.pipe';
import { createValidationPipe } from './common/validation.pipe';
import { noStore } from './common/no-store.middleware';
import { securityHeaders } from './common/security-headers';
import { consoleFolder } from './console/console-folder';
import { serveConsole } from './console/serve-console';
import { ApiMetrics } from './observability/api-metrics';
import { requestObservability } from './observability/request-observability';

async function bootstrap(): Promise<void> {
  // Every setting, before anything starts: unsafe configuration refuses to boot.
  const { TRUST_PROXY } = validateEnvironment(process.env);
  const { port, host, docs, consoleDir, development } = apiConfig();
  const logger = createServiceLogger('api');
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger, bodyParser: false });
  app.set('trust proxy', trustProxySetting(TRUST_PROXY)); // whose address login attempts count against
  // First, so even a body the parser refuses is answered and logged with its request id.
  app.use(requestObservability(logger.pino.child({ context: 'http' }), app.get(ApiMetrics)));
  app.use(securityHeaders({ production: !development, docs }));
  app.use(noStore);
  serveConsole(app, consoleFolder(consoleDir));
  app.useBodyParser('json', { limit: '100kb' });
  app.useGlobalPipes(new SafeJsonPipe(), createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Safeguarding case service')
    .setDescription(
      'Opens a case for each concerning disclosure and drives it durably to closure, with a tamper-evident case log.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      description: 'Staff: POST /auth/login. Young people: a token from POST /subject-tokens.',
    })
    .addCookieAuth(
      SESSION_COOKIE,
      {
        type: 'apiKey',
        in: 'cookie',
        description:
          'The staff console: POST /auth/session. Accepted wherever staff are; changes need X-Console-Request: 1',
      },
      SESSION_COOKIE,
    )
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'The platform' }, 'platform')
    .build();
  if (docs) SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));

  // Idle keep-alive connections live longer than a proxy's or client pool's (60 s is the usual), so a client never
  // sends a request on a socket we are closing at that moment (Node's 5 s default loses such requests as
  // "other side closed" whenever a client pauses between requests).
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await (host ? app.listen(port, host) : app.listen(port));
  new Logger('api').log(`Listening on ${host ?? 'every interface'}, port ${port}${docs ? '' : ' (no /docs)'}`);
}

bootstrap().catch(exitOnBootFailure('api'));

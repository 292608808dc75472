import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { apiConfig, createServiceLogger, exitOnBootFailure, validateEnvironment } from '@sg/config';
import { AppModule } from './app.module';
import { HttpErrorFilter } from './common/http-error.filter';
import { SafeJsonPipe } from './common/safe-json.pipe';
import { createValidationPipe } from './common/validation.pipe';
import { noStore } from './common/no-store.middleware';

async function bootstrap(): Promise<void> {
  validateEnvironment(process.env); // every setting, before anything starts: unsafe configuration refuses to boot
  const { port, host, docs } = apiConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    logger: createServiceLogger('api'),
    bodyParser: false,
  });
  app.use(noStore);
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
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-Api-Key', description: 'The platform' }, 'platform')
    .build();
  if (docs) SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi));

  await (host ? app.listen(port, host) : app.listen(port));
  new Logger('api').log(`Listening on ${host ?? 'every interface'}, port ${port}${docs ? '' : ' (no /docs)'}`);
}

bootstrap().catch(exitOnBootFailure('api'));

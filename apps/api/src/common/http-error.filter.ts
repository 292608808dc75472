import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { currentRequestId } from '@sg/observability';
import { isDatabaseUnavailable } from '@sg/persistence';
import { boundErrorBody } from './bounded-error-body';
import { DOMAIN_ERROR_STATUS, DomainError } from './domain-error';

/** Seconds a client is asked to wait before repeating a request the service could not take just now. */
const RETRY_AFTER_SECONDS = '5';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  errors?: unknown[];
  /** the request's id (X-Request-Id), so a person reporting an error can point to its log lines */
  requestId?: string;
}

/**
 * Every error leaves the API in one shape: {statusCode, error, message, code?, errors?, requestId}, bounded in size.
 * A database that cannot be reached is a 503 with Retry-After, so callers know to repeat the request. Unexpected
 * errors are logged by name only and answered with a generic 500, so no request data can leak through them.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const body = this.toBody(exception);
    const response = host.switchToHttp().getResponse<Response>();
    if (exception instanceof DomainError && exception.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(Math.max(1, Math.ceil(exception.retryAfterSeconds))));
    else if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) response.setHeader('Retry-After', RETRY_AFTER_SECONDS);
    const requestId = currentRequestId();
    response.status(body.statusCode).json(boundErrorBody(requestId ? { ...body, requestId } : body));
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = DOMAIN_ERROR_STATUS[exception.code];
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        code: exception.code,
        message: exception.message,
      };
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    const parserError = fromBodyParserError(exception);
    if (parserError) return parserError;
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn('Database unavailable');
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'DATABASE.UNAVAILABLE',
        message:
          'The case store cannot be reached just now; try again shortly (repeating a request with its Idempotency-Key is safe).',
      };
    }
    this.logger.error(`Unhandled ${exception instanceof Error ? exception.name : typeof exception}`);
    return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong; nothing was written.' };
  }
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  const error = STATUS_CODES[statusCode] ?? 'Error';
  if (typeof response === 'string') return { statusCode, error, message: response };
  const { message, errors, code } = response as { message?: unknown; errors?: unknown[]; code?: string };
  return {
    statusCode,
    error,
    message: Array.isArray(message) ? message.join('; ') : String(message ?? error),
    ...(code ? { code } : {}),
    ...(errors ? { errors } : {}),
  };
}

/** express.json() reports malformed or oversized bodies as errors carrying a `type`. */
function fromBodyParserError(exception: unknown): ErrorBody | undefined {
  const type = (exception as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') {
    return { statusCode: HttpStatus.BAD_REQUEST, error: 'Bad Request', message: 'The request body is not valid JSON' };
  }
  if (type === 'entity.too.large') {
    return {
      statusCode: HttpStatus.PAYLOAD_TOO_LARGE,
      error: 'Payload Too Large',
      message: 'The request body is too large',
    };
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return {
      statusCode: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      error: 'Unsupported Media Type',
      message: 'Send UTF-8 JSON',
    };
  }
  return undefined;
}

import { Writable } from 'node:stream';
import { createLogger } from './logger';
import { requestIdFrom, runWithRequestId } from './request-context';
import { metricsAccessAllowed } from './metrics-access';

/** A logger whose JSON lines are kept for the test to read. */
function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger('test', sink), lines: () => lines.map((l) => JSON.parse(l)) };
}

const CANARY = 'canary-3f1c0a52';

describe('log lines', () => {
  it('are JSON with time, level, service and message', () => {
    const { logger, lines } = capturedLogger();
    logger.info({ caseId: 'c-1' }, 'case opened');
    expect(lines()).toEqual([
      { time: expect.any(String), level: 'info', service: 'test', caseId: 'c-1', msg: 'case opened' },
    ]);
  });

  it('carry the request id of the request being served, and none outside one', () => {
    const { logger, lines } = capturedLogger();
    runWithRequestId('req-12345678', () => logger.info('inside'));
    logger.info('outside');
    expect(lines().map((l) => [l.msg, l.requestId])).toEqual([
      ['inside', 'req-12345678'],
      ['outside', undefined],
    ]);
  });

  it('never show disclosure text, names, contact details or credentials, at the top level or one level down', () => {
    const { logger, lines } = capturedLogger();
    logger.warn(
      {
        caseId: 'c-2',
        summary: `plan tonight ${CANARY}`,
        identifying: { name: `Robin ${CANARY}` },
        subject: { contact: { email: `${CANARY}@example.org` } },
        referral: { sharedData: { phone: CANARY }, name: CANARY, email: CANARY, address: CANARY, notes: CANARY },
        req: { headers: { authorization: `Bearer ${CANARY}`, 'x-api-key': CANARY } },
        input: { feedback: CANARY },
      },
      'refused',
    );
    const [line] = lines();
    expect(JSON.stringify(line)).not.toContain(CANARY);
    expect(line).toMatchObject({ caseId: 'c-2', summary: '[redacted]', identifying: '[redacted]' });
  });

  it('show an error by its kind and message only', () => {
    const { logger, lines } = capturedLogger();
    const error = Object.assign(new Error('connection refused'), { parameters: [CANARY] });
    logger.error({ err: error }, 'query failed');
    expect(JSON.stringify(lines())).not.toContain(CANARY);
    expect(lines()[0].err).toMatchObject({ type: 'Error', message: 'connection refused' });
  });
});

describe('request ids', () => {
  it("keep a caller's well-formed X-Request-Id", () => {
    expect(requestIdFrom('trace-0001')).toBe('trace-0001');
    expect(requestIdFrom(['abcdef12-3456', 'other'])).toBe('abcdef12-3456');
  });

  it.each([['short'], ['has spaces in it'], ['x'.repeat(65)], ['new\nline-0001'], ['{"json":1}'], [undefined]])(
    'replace %j with a fresh UUID',
    (given) => {
      expect(requestIdFrom(given)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    },
  );
});

describe('metrics access', () => {
  it('is open without a METRICS_TOKEN (development) and needs exactly the bearer token with one', () => {
    expect(metricsAccessAllowed(undefined, undefined)).toBe(true);
    expect(metricsAccessAllowed('Bearer s3cret-metrics-token', 's3cret-metrics-token')).toBe(true);
    expect(metricsAccessAllowed(undefined, 's3cret-metrics-token')).toBe(false);
    expect(metricsAccessAllowed('Bearer wrong-metrics-token!', 's3cret-metrics-token')).toBe(false);
    expect(metricsAccessAllowed('s3cret-metrics-token', 's3cret-metrics-token')).toBe(false);
  });
});

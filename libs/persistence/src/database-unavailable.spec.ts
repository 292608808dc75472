import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from './database-unavailable';

const withCode = (code: string) => Object.assign(new Error('x'), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['refused connection', withCode('ECONNREFUSED')],
    ['reset connection', withCode('ECONNRESET')],
    ['SQLSTATE 08006 connection failure', withCode('08006')],
    ['admin shutdown 57P01', withCode('57P01')],
    ['server starting up 57P03', withCode('57P03')],
    ['pool connection terminated', new Error('Connection terminated unexpectedly')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['wrapped by TypeORM', new QueryFailedError('SELECT 1', [], withCode('57P01'))],
  ])('%s: unavailable', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation 23505', new QueryFailedError('INSERT', [], withCode('23505'))],
    ['syntax error 42601', withCode('42601')],
    ['a plain error', new Error('boom')],
    ['not an error', 'Connection terminated'],
    ['nothing', undefined],
  ])('%s: not unavailable', (_what, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

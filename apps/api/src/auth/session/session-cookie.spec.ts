import type { Request } from 'express';
import { lacksConsoleHeader, sessionIdOf } from './session-cookie';

const requestWith = (method: string, headers: Record<string, string>) =>
  ({ method, header: (name: string) => headers[name.toLowerCase()] }) as unknown as Request;

describe('session cookie', () => {
  it('finds sg_session among other cookies', () => {
    expect(sessionIdOf(requestWith('GET', { cookie: 'theme=dark; sg_session=abc-_123; other=1' }))).toBe('abc-_123');
    expect(sessionIdOf(requestWith('GET', { cookie: 'sg_session_old=abc' }))).toBeUndefined();
    expect(sessionIdOf(requestWith('GET', { cookie: 'sg_session=' }))).toBeUndefined();
    expect(sessionIdOf(requestWith('GET', {}))).toBeUndefined();
  });

  it('asks changes, not reads, for X-Console-Request: 1', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS']) expect(lacksConsoleHeader(requestWith(method, {}))).toBe(false);
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      expect(lacksConsoleHeader(requestWith(method, {}))).toBe(true);
      expect(lacksConsoleHeader(requestWith(method, { 'x-console-request': 'yes' }))).toBe(true);
      expect(lacksConsoleHeader(requestWith(method, { 'x-console-request': '1' }))).toBe(false);
    }
  });
});

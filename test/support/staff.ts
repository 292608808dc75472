import { DEVELOPMENT_SECRETS } from '../../libs/config/src/development-secrets';
import { e2eEnv } from './env';
import { request } from './http';

/** The demo staff accounts of SPEC §5 (development and test only). */
export const DEMO_STAFF = {
  'officer.amy': 'officer',
  'officer.ben': 'officer',
  'oncall.cat': 'on_call',
  'supervisor.dan': 'supervisor',
  'auditor.eve': 'auditor',
  'admin.fay': 'admin',
} as const;

export type DemoUsername = keyof typeof DEMO_STAFF;

const tokens = new Map<string, Promise<string>>();

/** Logs in (once per test file) and returns the Authorization header for that staff member. */
export async function staffHeaders(
  username: string,
  password: string = DEVELOPMENT_SECRETS.DEMO_PASSWORD,
): Promise<Record<string, string>> {
  const { apiUrl } = e2eEnv();
  const key = `${apiUrl} ${username}`;
  if (!tokens.has(key)) {
    tokens.set(
      key,
      request(apiUrl, 'POST', '/auth/login', { body: { username, password } }).then(({ status, body }) => {
        if (status !== 200) throw new Error(`Login as ${username} answered ${status}`);
        return body.accessToken as string;
      }),
    );
  }
  return { Authorization: `Bearer ${await tokens.get(key)!}` };
}

/** The platform's credentials (the development API key). */
export function platformHeaders(): Record<string, string> {
  return { 'X-Api-Key': DEVELOPMENT_SECRETS.PLATFORM_API_KEY };
}

/** A staff account with several roles, created by the demo admin (for four-eyes tests): its headers. */
export async function multiRoleStaffHeaders(username: string, roles: string[]): Promise<Record<string, string>> {
  const password = 'a-long-test-password-1';
  const created = await request(e2eEnv().apiUrl, 'POST', '/staff', {
    body: { username, roles, password },
    headers: await staffHeaders('admin.fay'),
  });
  if (created.status !== 201) throw new Error(`Creating ${username} answered ${created.status}`);
  return staffHeaders(username, password);
}

import { DEVELOPMENT_SECRETS } from '../../libs/config/src/development-secrets';
import { e2eEnv } from './env';
import { request } from './http';
import { timeStep, totpCode } from './totp';

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

/** Two-factor secrets of the accounts this test file enrolled, and the last time step each used. */
const secondFactors = new Map<string, { secret: string; lastStep: number }>();

/** The next code the account has not used yet: this step's, or the next step's (accepted as clock drift). */
export function unusedCode(username: string): { code: string; step: number } {
  const factor = secondFactors.get(username);
  if (!factor) throw new Error(`${username} has no second factor enrolled by this test file`);
  const step = Math.max(timeStep(), factor.lastStep + 1);
  if (step > timeStep() + 1) throw new Error(`${username} used the next code already; wait 30 s`);
  factor.lastStep = step;
  return { code: totpCode(factor.secret, step), step };
}

/**
 * Signs in as a person would, whatever the account needs: a password; a code when it has two-factor sign-in;
 * setting it up first when its roles need it and it has none (the secret is kept for later sign-ins).
 */
export async function signIn(username: string, password: string): Promise<string> {
  const { apiUrl } = e2eEnv();
  const login = await request(apiUrl, 'POST', '/auth/login', { body: { username, password } });
  if (login.status !== 200) throw new Error(`Login as ${username} answered ${login.status}`);
  if (login.body.accessToken) return login.body.accessToken as string;
  if (login.body.mfaRequired) {
    const second = await request(apiUrl, 'POST', '/auth/mfa', {
      body: { mfaToken: login.body.mfaToken, code: unusedCode(username).code },
    });
    if (second.status !== 200) throw new Error(`Second factor for ${username} answered ${second.status}`);
    return second.body.accessToken as string;
  }
  const enrolmentToken = login.body.enrolmentToken as string;
  const enrol = await request(apiUrl, 'POST', '/auth/mfa/enrol', { body: { enrolmentToken } });
  if (enrol.status !== 200) throw new Error(`Enrolling ${username} answered ${enrol.status}`);
  secondFactors.set(username, { secret: enrol.body.secret, lastStep: 0 });
  const confirm = await request(apiUrl, 'POST', '/auth/mfa/enrol/confirm', {
    body: { enrolmentToken, code: unusedCode(username).code },
  });
  if (confirm.status !== 200) throw new Error(`Confirming enrolment of ${username} answered ${confirm.status}`);
  return confirm.body.accessToken as string;
}

/** Logs in (once per test file) and returns the Authorization header for that staff member. */
export async function staffHeaders(
  username: string,
  password: string = DEVELOPMENT_SECRETS.DEMO_PASSWORD,
): Promise<Record<string, string>> {
  const key = `${e2eEnv().apiUrl} ${username}`;
  if (!tokens.has(key)) tokens.set(key, signIn(username, password));
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

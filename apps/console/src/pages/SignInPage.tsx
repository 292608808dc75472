import { FormEvent, useState } from 'react';
import { call } from '../api/http';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Fields';
import { Layout } from '../components/Layout';
import { useSession } from '../session';

interface LoginAnswer {
  accessToken?: string;
  mfaRequired?: true;
  mfaToken?: string;
  mfaEnrolmentRequired?: true;
  enrolmentToken?: string;
}

type Stage =
  | { step: 'password' }
  | { step: 'code'; mfaToken: string }
  | { step: 'enrol'; enrolmentToken: string; secret: string }
  | { step: 'recovery'; codes: string[]; accessToken: string };

/**
 * Sign-in: password, then a code when the account has two-factor sign-in (or setting it up when its roles need it).
 * The access token goes straight into the cookie session; it is not kept in script-readable storage.
 */
export function SignInPage() {
  const { start, ended } = useSession();
  const [stage, setStage] = useState<Stage>({ step: 'password' });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = (work: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    work()
      .catch((failure: unknown) => setError(failure))
      .finally(() => setBusy(false));
  };

  const signInWithPassword = run(async () => {
    const answer = await call<LoginAnswer>('POST', '/auth/login', { body: { username, password }, signingIn: true });
    setPassword('');
    if (answer.accessToken) return start(answer.accessToken);
    if (answer.mfaRequired) return setStage({ step: 'code', mfaToken: answer.mfaToken! });
    const enrolmentToken = answer.enrolmentToken!;
    const started = await call<{ secret: string }>('POST', '/auth/mfa/enrol', {
      body: { enrolmentToken },
      signingIn: true,
    });
    setStage({ step: 'enrol', enrolmentToken, secret: started.secret });
  });

  const signInWithCode = run(async () => {
    if (stage.step === 'code') {
      const answer = await call<LoginAnswer>('POST', '/auth/mfa', {
        body: { mfaToken: stage.mfaToken, code: code.trim() },
        signingIn: true,
      });
      return start(answer.accessToken!);
    }
    if (stage.step === 'enrol') {
      const answer = await call<{ accessToken: string; recoveryCodes: string[] }>('POST', '/auth/mfa/enrol/confirm', {
        body: { enrolmentToken: stage.enrolmentToken, code: code.trim() },
        signingIn: true,
      });
      setStage({ step: 'recovery', codes: answer.recoveryCodes, accessToken: answer.accessToken });
    }
  });

  if (stage.step === 'recovery')
    return (
      <Layout title="Keep your recovery codes">
        <p className="govuk-body">Each code signs you in once if you lose your phone. They are shown only now.</p>
        <ul className="govuk-list app-pem">
          {stage.codes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <form onSubmit={run(() => start(stage.accessToken))}>
          <button className="govuk-button" type="submit" disabled={busy}>
            I have kept them: continue
          </button>
        </form>
      </Layout>
    );

  return (
    <Layout title="Sign in">
      {ended && !error && (
        <div className="govuk-notification-banner" role="region" aria-labelledby="ended-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="ended-title">
              Important
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">Your session has ended. Sign in again.</p>
          </div>
        </div>
      )}
      <ErrorSummary error={error} />
      {stage.step === 'password' ? (
        <form onSubmit={signInWithPassword} noValidate>
          <TextField label="Username" value={username} onChange={setUsername} autoComplete="username" width="20" />
          <TextField
            label="Password"
            type="password"
            value={password}
            onChange={setPassword}
            autoComplete="current-password"
            width="20"
          />
          <button className="govuk-button" type="submit" disabled={busy}>
            Sign in
          </button>
        </form>
      ) : (
        <form onSubmit={signInWithCode} noValidate>
          {stage.step === 'enrol' && (
            <>
              <p className="govuk-body">
                Your role needs two-factor sign-in. Add this key to an authenticator app, then type the code it shows.
              </p>
              <p className="govuk-body app-pem">{stage.secret}</p>
            </>
          )}
          <TextField
            label="Code"
            hint="6 digits from your authenticator app, or a recovery code"
            value={code}
            onChange={setCode}
            autoComplete="one-time-code"
            width="10"
          />
          <button className="govuk-button" type="submit" disabled={busy}>
            Continue
          </button>
        </form>
      )}
    </Layout>
  );
}

import { FormEvent, useEffect, useState } from 'react';
import { call, get, post } from '../api/http';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Fields';
import { Layout } from '../components/Layout';
import { ROLE, list, when } from '../words';
import { useSession, useSignedIn } from '../session';

function Done({ text }: { text: string | null }) {
  return text ? (
    <p className="govuk-body govuk-!-font-weight-bold" role="status">
      {text}
    </p>
  ) : null;
}

/** A new password ends every older token, so the console starts a new session with the token it answers. */
function PasswordChange() {
  const { start } = useSession();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    try {
      const answer = await post<{ accessToken: string }>('/auth/password', { currentPassword, newPassword });
      await start(answer.accessToken);
      setCurrent('');
      setNew('');
      setDone('Your password has been changed; you are signed out everywhere else.');
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="password-heading">
      <h2 className="govuk-heading-m" id="password-heading">
        Change your password
      </h2>
      <ErrorSummary error={error} />
      <Done text={done} />
      <TextField
        label="Current password"
        type="password"
        value={currentPassword}
        onChange={setCurrent}
        autoComplete="current-password"
        width="20"
      />
      <TextField
        label="New password"
        hint="At least 12 characters."
        type="password"
        value={newPassword}
        onChange={setNew}
        autoComplete="new-password"
        width="20"
      />
      <button className="govuk-button" type="submit">
        Change password
      </button>
    </form>
  );
}

interface Contacts {
  email?: string | null;
  phone?: string | null;
  webhookUrl?: string | null;
}

function ContactsForm({ username }: { username: string }) {
  const [contacts, setContacts] = useState({ email: '', phone: '', webhookUrl: '' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const path = `/staff/${encodeURIComponent(username)}/contacts`;
  useEffect(() => {
    get<Contacts>(path).then(
      (c) => setContacts({ email: c.email ?? '', phone: c.phone ?? '', webhookUrl: c.webhookUrl ?? '' }),
      setError,
    );
  }, [path]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    const body = Object.fromEntries(Object.entries(contacts).filter(([, v]) => v.trim() !== ''));
    try {
      await call('PUT', path, { body });
      setDone('Your contact details have been saved.');
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="contacts-heading">
      <h2 className="govuk-heading-m" id="contacts-heading">
        Where pages reach you
      </h2>
      <ErrorSummary error={error} />
      <Done text={done} />
      <TextField
        label="Email"
        type="email"
        value={contacts.email}
        onChange={(email) => setContacts({ ...contacts, email })}
        autoComplete="email"
      />
      <TextField
        label="Mobile phone"
        hint="For SMS pages, e.g. +44 7700 900123"
        type="tel"
        value={contacts.phone}
        onChange={(phone) => setContacts({ ...contacts, phone })}
        autoComplete="tel"
        width="20"
      />
      <TextField
        label="Chat webhook (optional)"
        value={contacts.webhookUrl}
        onChange={(webhookUrl) => setContacts({ ...contacts, webhookUrl })}
      />
      <button className="govuk-button" type="submit">
        Save contact details
      </button>
    </form>
  );
}

/** Your account: who you are signed in as, your password, where pages reach you, and two-factor sign-in. */
export function AccountPage() {
  const session = useSignedIn();
  return (
    <Layout title="Your account">
      <dl className="govuk-summary-list">
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Username</dt>
          <dd className="govuk-summary-list__value">{session.username}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Roles</dt>
          <dd className="govuk-summary-list__value">{list(ROLE, session.roles)}</dd>
        </div>
        <div className="govuk-summary-list__row">
          <dt className="govuk-summary-list__key">Session ends</dt>
          <dd className="govuk-summary-list__value">{when(session.expiresAt)}</dd>
        </div>
      </dl>
      <PasswordChange />
      <ContactsForm username={session.username} />
      <h2 className="govuk-heading-m">Two-factor sign-in</h2>
      <p className="govuk-body">
        On-call staff, supervisors, auditors and admins sign in with a code from an authenticator app as well as a
        password; you set it up the first time you sign in. If you lose your phone, sign in with a recovery code or ask
        an admin to reset it.
      </p>
    </Layout>
  );
}

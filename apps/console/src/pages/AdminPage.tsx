import { FormEvent, useCallback, useEffect, useState } from 'react';
import { call, get, post } from '../api/http';
import { ErrorSummary } from '../components/ErrorSummary';
import { Checkbox, Fieldset, TextField } from '../components/Fields';
import { Layout } from '../components/Layout';
import { ROLE, list, when } from '../words';

interface Account {
  username: string;
  roles: string[];
  disabled: boolean;
  mfaEnrolled: boolean;
  createdAt?: string;
}

function RolePicker({ roles, onChange, legend }: { roles: string[]; onChange(roles: string[]): void; legend: string }) {
  return (
    <Fieldset legend={legend} hint="An admin holds no other role.">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        {Object.entries(ROLE).map(([code, label]) => (
          <Checkbox
            key={code}
            label={label}
            checked={roles.includes(code)}
            onChange={(on) => onChange(on ? [...roles, code] : roles.filter((r) => r !== code))}
          />
        ))}
      </div>
    </Fieldset>
  );
}

function CreateAccount({ done }: { done(): Promise<void> }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await post('/staff', { username: username.trim(), roles, password });
      setUsername('');
      setPassword('');
      setRoles([]);
      await done();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="create-heading">
      <h2 className="govuk-heading-m" id="create-heading">
        Create an account
      </h2>
      <ErrorSummary error={error} />
      <TextField label="Username" value={username} onChange={setUsername} width="20" autoComplete="off" />
      <TextField
        label="First password"
        hint="At least 12 characters; give it to the person privately."
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        width="20"
      />
      <RolePicker legend="Roles" roles={roles} onChange={setRoles} />
      <button className="govuk-button" type="submit">
        Create account
      </button>
    </form>
  );
}

function AccountRow({ account, changed }: { account: Account; changed(): Promise<void> }) {
  const [roles, setRoles] = useState(account.roles);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const act = (work: () => Promise<unknown>) => () => {
    setError(null);
    work().then(
      () => (setEditing(false), changed()),
      (failure: unknown) => setError(failure),
    );
  };
  const user = encodeURIComponent(account.username);
  return (
    <tr className="govuk-table__row">
      <th scope="row" className="govuk-table__header">
        {account.username}
      </th>
      <td className="govuk-table__cell">
        {editing ? (
          <RolePicker legend={`Roles of ${account.username}`} roles={roles} onChange={setRoles} />
        ) : (
          list(ROLE, account.roles)
        )}
        <ErrorSummary error={error} />
      </td>
      <td className="govuk-table__cell">{account.disabled ? 'Disabled' : 'Active'}</td>
      <td className="govuk-table__cell">{account.mfaEnrolled ? 'Set up' : 'Not set up'}</td>
      <td className="govuk-table__cell">{when(account.createdAt)}</td>
      <td className="govuk-table__cell">
        {editing ? (
          <button
            type="button"
            className="govuk-button govuk-!-margin-bottom-1"
            onClick={act(() => call('PUT', `/staff/${user}/roles`, { body: { roles } }))}
          >
            Save roles<span className="govuk-visually-hidden"> of {account.username}</span>
          </button>
        ) : (
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-1"
            onClick={() => setEditing(true)}
          >
            Change roles<span className="govuk-visually-hidden"> of {account.username}</span>
          </button>
        )}{' '}
        <button
          type="button"
          className="govuk-button govuk-button--warning govuk-!-margin-bottom-1"
          onClick={act(() => call('PATCH', `/staff/${user}`, { body: { disabled: !account.disabled } }))}
        >
          {account.disabled ? 'Enable' : 'Disable'}
          <span className="govuk-visually-hidden"> {account.username}</span>
        </button>
      </td>
    </tr>
  );
}

/** Admins: the staff accounts, their roles, and who is disabled. */
export function AdminPage() {
  const [accounts, setAccounts] = useState<Account[]>([]);
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(async () => {
    try {
      setAccounts((await get<{ items: Account[] }>('/staff')).items);
    } catch (failure) {
      setError(failure);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <Layout title="Staff accounts">
      <ErrorSummary error={error} />
      <table className="govuk-table" aria-label="Staff accounts">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Username
            </th>
            <th scope="col" className="govuk-table__header">
              Roles
            </th>
            <th scope="col" className="govuk-table__header">
              Account
            </th>
            <th scope="col" className="govuk-table__header">
              Two-factor sign-in
            </th>
            <th scope="col" className="govuk-table__header">
              Created
            </th>
            <th scope="col" className="govuk-table__header">
              Change
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {accounts.map((a) => (
            <AccountRow key={a.username} account={a} changed={load} />
          ))}
        </tbody>
      </table>
      <CreateAccount done={load} />
    </Layout>
  );
}

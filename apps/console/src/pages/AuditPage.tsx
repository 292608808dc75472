import { FormEvent, useEffect, useState } from 'react';
import { get } from '../api/http';
import type { LogEntry, LogVerification } from '../api/types';
import { Chronology } from '../components/Chronology';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/Fields';
import { Layout } from '../components/Layout';

interface PublicKey {
  algorithm: string;
  keyId: string;
  publicKey: string;
}

function Verification({ result, entries }: { result: LogVerification; entries: LogEntry[] }) {
  if (result.valid)
    return (
      <div className="govuk-panel govuk-panel--confirmation govuk-!-padding-4" role="status">
        <h3 className="govuk-panel__title govuk-!-font-size-27">The log verifies</h3>
        <div className="govuk-panel__body govuk-!-font-size-19">
          {result.entries} entries, every hash chained to the one before.
        </div>
      </div>
    );
  const bad = entries.find((e) => e.seq === result.firstInvalidSeq);
  return (
    <div className="govuk-error-summary" role="alert">
      <h3 className="govuk-error-summary__title">The log does not verify</h3>
      <p className="govuk-body">
        The first bad entry is number {result.firstInvalidSeq}
        {bad && ` (${bad.type})`}.{result.reason && ` ${result.reason}`}
      </p>
    </div>
  );
}

function CaseLog() {
  const [caseId, setCaseId] = useState('');
  const [entries, setEntries] = useState<LogEntry[] | null>(null);
  const [result, setResult] = useState<LogVerification | null>(null);
  const [error, setError] = useState<unknown>(null);
  const check = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const id = encodeURIComponent(caseId.trim());
      const [log, verified] = await Promise.all([
        get<{ entries: LogEntry[] }>(`/cases/${id}/log`),
        get<LogVerification>(`/cases/${id}/log/verify`),
      ]);
      setEntries(log.entries);
      setResult(verified);
    } catch (failure) {
      setEntries(null);
      setResult(null);
      setError(failure);
    }
  };
  return (
    <section aria-labelledby="case-log-heading">
      <h2 className="govuk-heading-m" id="case-log-heading">
        Check a case log
      </h2>
      <ErrorSummary error={error} />
      <form onSubmit={(e) => void check(e)} noValidate>
        <TextField label="Case id" value={caseId} onChange={setCaseId} width="30" />
        <button className="govuk-button" type="submit">
          Verify the log
        </button>
      </form>
      {result && entries && (
        <>
          <Verification result={result} entries={entries} />
          <Chronology entries={entries} />
        </>
      )}
    </section>
  );
}

const dayStart = (iso: string) => (iso ? new Date(`${iso}T00:00:00Z`).toISOString() : '');

function Export() {
  const today = new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
  const href = `/audit/export?from=${encodeURIComponent(dayStart(from))}&to=${encodeURIComponent(dayStart(to))}`;
  return (
    <section aria-labelledby="export-heading">
      <h2 className="govuk-heading-m" id="export-heading">
        Export the log
      </h2>
      <p className="govuk-body">
        Every entry written from the start of the first day to the start of the second (UTC), with checkpoints and a
        signed trailer. Anyone with the public key can check it with <code>npm run verify:export</code>.
      </p>
      <TextField label="From" type="date" value={from} onChange={setFrom} />
      <TextField label="To" type="date" value={to} onChange={setTo} />
      <a className="govuk-button" href={href} download={`case-log-${from}-${to}.ndjson`}>
        Download the export
      </a>
    </section>
  );
}

function PublicKeyView() {
  const [key, setKey] = useState<PublicKey | null>(null);
  useEffect(() => {
    void get<PublicKey>('/audit/public-key').then(setKey, () => setKey(null));
  }, []);
  return (
    <section aria-labelledby="key-heading">
      <h2 className="govuk-heading-m" id="key-heading">
        Public key
      </h2>
      {key ? (
        <>
          <p className="govuk-body">
            {key.algorithm}, key id {key.keyId}
          </p>
          <pre className="app-pem" tabIndex={0}>
            {key.publicKey}
          </pre>
        </>
      ) : (
        <p className="govuk-body">The public key could not be read.</p>
      )}
    </section>
  );
}

/** The auditor's page: verify a case's log, export a range, and the key that checks signatures. */
export function AuditPage() {
  return (
    <Layout title="Audit">
      <CaseLog />
      <Export />
      <PublicKeyView />
    </Layout>
  );
}

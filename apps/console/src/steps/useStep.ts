import { useState } from 'react';
import { ApiError, post } from '../api/http';

export const SOMEONE_ELSE =
  'Someone else has just done this step, or the case has moved on. The page has been refreshed to show where it is now.';

/**
 * Sends one lifecycle step. A refusal keeps the API's message for the form to show; a 409 means the case moved on
 * under us, so the page refreshes and says so.
 */
export function useStep(caseId: string, refresh: () => Promise<void>) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  async function send(path: string, body: unknown, doneMessage: string): Promise<boolean> {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      await post(`/cases/${caseId}/${path}`, body);
      setDone(doneMessage);
      await refresh();
      return true;
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 409) {
        setError(new Error(SOMEONE_ELSE));
        await refresh();
      } else setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { send, error, busy, done };
}

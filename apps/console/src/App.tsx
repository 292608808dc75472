import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { AccountPage } from './pages/AccountPage';
import { AdminPage } from './pages/AdminPage';
import { AuditPage } from './pages/AuditPage';
import { CasePage } from './pages/CasePage';
import { QueuePage } from './pages/QueuePage';
import { ReportsPage } from './pages/ReportsPage';
import { RotaPage } from './pages/RotaPage';
import { SignInPage } from './pages/SignInPage';
import { hasRole, SessionProvider, useSession } from './session';

/** Signed out: every URL shows sign-in in place, so the page asked for shows once signed in. */
function SignedInRoutes() {
  const { session } = useSession();
  if (session === undefined) return <main className="govuk-main-wrapper govuk-width-container">Loading…</main>;
  if (session === null) return <SignInPage />;
  const home = hasRole(session, 'officer', 'on_call', 'supervisor')
    ? null
    : hasRole(session, 'auditor')
      ? '/audit'
      : '/admin';
  return (
    <Routes>
      <Route path="/" element={home ? <Navigate to={home} replace /> : <QueuePage />} />
      <Route path="/sign-in" element={<Navigate to="/" replace />} />
      <Route path="/cases/:id" element={<CasePage />} />
      <Route path="/audit" element={<AuditPage />} />
      <Route path="/admin" element={<AdminPage />} />
      <Route path="/reports" element={<ReportsPage />} />
      <Route path="/rota" element={<RotaPage />} />
      <Route path="/account" element={<AccountPage />} />
      <Route
        path="*"
        element={
          <Layout title="Page not found">
            <p className="govuk-body">There is no page at this address.</p>
          </Layout>
        }
      />
    </Routes>
  );
}

export function App() {
  return (
    <BrowserRouter basename="/console">
      <SessionProvider>
        <SignedInRoutes />
      </SessionProvider>
    </BrowserRouter>
  );
}

import { ReactNode, useEffect } from 'react';
import { NavLink, useLocation } from 'react-router';
import type { Session } from '../api/types';
import { hasRole, useSession } from '../session';

interface NavItem {
  to: string;
  label: string;
  roles: string[];
}

const NAV: NavItem[] = [
  { to: '/', label: 'Queue', roles: ['officer', 'on_call', 'supervisor'] },
  { to: '/rota', label: 'Rota', roles: ['officer', 'on_call', 'supervisor', 'admin'] },
  { to: '/reports', label: 'Reports', roles: ['supervisor', 'auditor'] },
  { to: '/audit', label: 'Audit', roles: ['auditor'] },
  { to: '/admin', label: 'Staff accounts', roles: ['admin'] },
  { to: '/account', label: 'Your account', roles: ['officer', 'on_call', 'supervisor', 'auditor', 'admin'] },
];

function Navigation({ session }: { session: Session }) {
  return (
    <nav aria-label="Menu" className="govuk-service-navigation__wrapper">
      <ul className="govuk-service-navigation__list">
        {NAV.filter((item) => hasRole(session, ...item.roles)).map((item) => (
          <li key={item.to} className="govuk-service-navigation__item">
            <NavLink to={item.to} end className="govuk-service-navigation__link">
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The page frame: skip link, header with who is signed in, the menu for their roles, and the main landmark. */
export function Layout({ title, children }: { title: string; children: ReactNode }) {
  const { session, signOut } = useSession();
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} – Safeguarding console`;
  }, [title]);
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [location.pathname]);
  return (
    <>
      <a href="#main-content" className="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-header">
        <div className="govuk-header__container govuk-width-container">
          <span className="app-header__name">Safeguarding console</span>
        </div>
      </header>
      {session && (
        <section aria-label="Service menu" className="govuk-service-navigation">
          <div className="govuk-width-container">
            <div className="govuk-service-navigation__container">
              <Navigation session={session} />
              <p className="govuk-body-s govuk-!-margin-top-3 govuk-!-margin-bottom-3 govuk-!-margin-left-4">
                Signed in as <strong>{session.username}</strong>{' '}
                <button
                  type="button"
                  className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0 govuk-!-margin-left-2"
                  onClick={() => void signOut()}
                >
                  Sign out
                </button>
              </p>
            </div>
          </div>
        </section>
      )}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <h1 className="govuk-heading-l">{title}</h1>
          {children}
        </main>
      </div>
      <footer className="govuk-footer">
        <div className="govuk-width-container">
          <p className="govuk-body-s">Safeguarding case service. Every read and step is recorded in the case log.</p>
        </div>
      </footer>
    </>
  );
}

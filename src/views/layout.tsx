import type { Child, FC } from 'hono/jsx';
import { STYLESHEET } from './styles.ts';

export type Section = 'search' | 'participants' | 'sectors' | 'outcomes' | null;

export interface LayoutProps {
  title: string;
  /** The signed-in coach; null on the sign-in and error pages. */
  coach: { name: string; org: string } | null;
  section?: Section;
  /** On the employer pages instead of a coach: the signed-in employer (null on their sign-in page). */
  employer?: { name: string } | null;
  employerSection?: 'vacancies' | 'post' | null;
  /** Where the brand links: the coach search, or /employer on the employer pages. */
  brandHref?: string;
  children?: Child;
}

const NAV: { section: Exclude<Section, null>; href: string; label: string }[] = [
  { section: 'search', href: '/', label: 'Vacancy search' },
  { section: 'participants', href: '/participants', label: 'Participants' },
  { section: 'sectors', href: '/sectors', label: 'Sector trends' },
  { section: 'outcomes', href: '/outcomes', label: 'Outcomes' },
];

/** A navigation landmark whose link for the current section says so (aria-current). */
const SiteNav: FC<{ label: string; links: readonly { section: string; href: string; label: string }[]; current: string | null }> = ({ label, links, current }) => (
  <nav aria-label={label}>
    <ul>
      {links.map((n) => (
        <li>
          <a href={n.href} aria-current={n.section === current ? 'page' : undefined}>
            {n.label}
          </a>
        </li>
      ))}
    </ul>
  </nav>
);

/** Every page: landmarks, a skip link, the navigation and a sign-out button (a POST, so it is CSRF-checked). */
export const Layout: FC<LayoutProps> = ({ title, coach, section = null, employer = null, employerSection = null, brandHref = '/', children }) => (
  <html lang="en-GB">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="referrer" content="same-origin" />
      {/* No favicon request: the pages load nothing but themselves. */}
      <link rel="icon" href="data:," />
      <title>{`${title} – flightpath`}</title>
      <style>{STYLESHEET}</style>
    </head>
    <body>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="site">
        <div class="bar">
          <a class="brand" href={brandHref}>
            flightpath
          </a>
          {coach ? <SiteNav label="Main" links={NAV} current={section} /> : null}
          {coach ? (
            <div class="who">
              <span>
                {coach.name} <span class="muted">({coach.org})</span>
              </span>
              <form method="post" action="/signout" class="inline">
                <button type="submit">Sign out</button>
              </form>
            </div>
          ) : null}
          {employer ? <EmployerBar employer={employer} section={employerSection} /> : null}
        </div>
      </header>
      <main id="main" tabindex={-1}>
        {children}
      </main>
    </body>
  </html>
);

const EMPLOYER_NAV: { section: 'vacancies' | 'post'; href: string; label: string }[] = [
  { section: 'vacancies', href: '/employer', label: 'Your vacancies' },
  { section: 'post', href: '/employer/vacancies/new', label: 'Post a vacancy' },
];

/** The employer pages' navigation and sign-out (its own path, ending the employer session only). */
const EmployerBar: FC<{ employer: { name: string }; section: 'vacancies' | 'post' | null }> = ({ employer, section }) => (
  <>
    <SiteNav label="Employer" links={EMPLOYER_NAV} current={section} />
    <div class="who">
      <span>{employer.name}</span>
      <form method="post" action="/employer/signout" class="inline">
        <button type="submit">Sign out</button>
      </form>
    </div>
  </>
);

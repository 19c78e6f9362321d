import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import { Api, createApi } from './api/api.client';
import { SignInPage } from './auth/sign-in.page';
import { forgetToken, readToken, saveToken } from './auth/session.store';
import { AgentsPage } from './agents/agents.page';
import { AnalyticsPage } from './analytics/analytics.page';
import { ChannelsPage } from './channels/channels.page';
import { ConversationPage } from './conversations/conversation.page';
import { ConversationsPage } from './conversations/conversations.page';
import { BASE, Link, Route, useRoute } from './router.hook';
import { Empty } from './ui/states.component';

const ApiContext = createContext<Api | null>(null);

/** The signed-in API client (pages are rendered only once signed in). */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside the signed-in app');
  return api;
}

const NAV: { to: string; label: string; pages: Route['page'][] }[] = [
  { to: `${BASE}/conversations`, label: 'Conversations', pages: ['conversations', 'conversation'] },
  { to: `${BASE}/agents`, label: 'Agents', pages: ['agents'] },
  { to: `${BASE}/analytics`, label: 'Analytics', pages: ['analytics'] },
  { to: `${BASE}/channels`, label: 'Channels', pages: ['channels'] },
];

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'conversations':
      return <ConversationsPage />;
    case 'conversation':
      return <ConversationPage id={route.id} />;
    case 'agents':
      return <AgentsPage />;
    case 'analytics':
      return <AnalyticsPage />;
    case 'channels':
      return <ChannelsPage />;
    default:
      return (
        <Empty title="This page does not exist">
          <Link to={`${BASE}/conversations`}>Go to the conversations</Link>
        </Empty>
      );
  }
}

/** The dashboard: sign-in, then a navigation and the page the address names. */
export function App() {
  const [token, setToken] = useState<string | null>(() => readToken());
  const route = useRoute();
  const signOut = useCallback(() => {
    forgetToken();
    setToken(null);
  }, []);
  const api = useMemo(() => (token ? createApi(token, signOut) : null), [token, signOut]);

  if (!api) {
    return (
      <SignInPage
        onSignedIn={(value) => {
          saveToken(value);
          setToken(value);
        }}
      />
    );
  }
  return (
    <ApiContext.Provider value={api}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="shell">
        <header className="topbar">
          <div className="brand">
            <span className="brand-mark" aria-hidden="true">
              ✓
            </span>{' '}
            Follow-ups
          </div>
          <nav aria-label="Main">
            <ul className="nav">
              {NAV.map((item) => (
                <li key={item.to}>
                  <Link to={item.to} className="nav-link" current={item.pages.includes(route.page)}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <button type="button" className="button ghost sign-out" onClick={signOut}>
            Sign out
          </button>
        </header>
        <main id="main" className="content" tabIndex={-1}>
          <Page route={route} />
        </main>
      </div>
    </ApiContext.Provider>
  );
}

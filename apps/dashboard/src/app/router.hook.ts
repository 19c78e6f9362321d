import { MouseEvent, createElement, ReactNode, useEffect, useState } from 'react';

/** The app lives under /ui; its pages are paths below it (deep links work: the gateway answers index.html). */
export const BASE = '/ui';

export type Route =
  | { page: 'conversations' }
  | { page: 'conversation'; id: string }
  | { page: 'agents' }
  | { page: 'analytics' }
  | { page: 'channels' }
  | { page: 'not-found' };

export function parseRoute(pathname: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if (!first || (first === 'conversations' && !second)) return { page: 'conversations' };
  if (first === 'conversations' && second && parts.length === 2) return { page: 'conversation', id: second };
  if (parts.length === 1 && (first === 'agents' || first === 'analytics' || first === 'channels')) return { page: first };
  return { page: 'not-found' };
}

const listeners = new Set<() => void>();

export function navigate(to: string): void {
  window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
}

/** The current route, following links and the browser's back and forward buttons. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** A link inside the app: a real <a href> (open in a new tab works), followed without reloading. */
export function Link(props: { to: string; children: ReactNode; className?: string; current?: boolean }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(props.to);
  };
  return createElement(
    'a',
    { href: props.to, onClick, className: props.className, 'aria-current': props.current ? 'page' : undefined },
    props.children,
  );
}

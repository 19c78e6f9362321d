import { parseRoute } from './router.hook';

describe('routes under /ui', () => {
  it('reads the pages and deep links', () => {
    expect(parseRoute('/ui')).toEqual({ page: 'conversations' });
    expect(parseRoute('/ui/conversations/abc%20d')).toEqual({ page: 'conversation', id: 'abc d' });
    expect(parseRoute('/ui/analytics')).toEqual({ page: 'analytics' });
    expect(parseRoute('/ui/agents/x')).toEqual({ page: 'not-found' });
  });
});

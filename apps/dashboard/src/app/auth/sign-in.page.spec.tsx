import { fireEvent, render, screen } from '@testing-library/react';
import { SignInPage } from './sign-in.page';

describe('sign-in', () => {
  afterEach(() => jest.restoreAllMocks());

  function answer(status: number, body: unknown) {
    const fetchMock = jest.fn().mockResolvedValue({ ok: status < 300, status, text: async () => JSON.stringify(body) });
    Object.assign(globalThis, { fetch: fetchMock });
    return fetchMock;
  }

  it('says so when the token is wrong, and signs in with a right one', async () => {
    const onSignedIn = jest.fn();
    render(<SignInPage onSignedIn={onSignedIn} />);
    answer(401, { statusCode: 401, message: 'Invalid token: access token is invalid' });
    fireEvent.change(screen.getByLabelText('API token'), { target: { value: 'fgw_wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/not valid/);
    expect(onSignedIn).not.toHaveBeenCalled();
    const fetchMock = answer(200, { data: [], next_cursor: null });
    fireEvent.change(screen.getByLabelText('API token'), { target: { value: ' fgw_right ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('button', { name: 'Sign in' });
    await new Promise((r) => setTimeout(r, 0));
    expect(onSignedIn).toHaveBeenCalledWith('fgw_right');
    expect(fetchMock.mock.calls[0]?.[1]?.headers?.authorization).toBe('Bearer fgw_right');
  });
});

import { smsKeyword } from './sms-keywords';

describe('smsKeyword', () => {
  it.each([
    ['STOP', 'opt_out'],
    ['stop', 'opt_out'],
    ['  Stop.  ', 'opt_out'],
    ['"unsubscribe"!', 'opt_out'],
    ['StopAll', 'opt_out'],
    ['cancel', 'opt_out'],
    ['END', 'opt_out'],
    ['quit', 'opt_out'],
    ['REVOKE', 'opt_out'],
    ['optout', 'opt_out'],
    ['start', 'opt_in'],
    ['Yes!', 'opt_in'],
    ['UNSTOP', 'opt_in'],
    ['help?', 'help'],
    ['Info', 'help'],
  ])('%j is %s', (body, keyword) => {
    expect(smsKeyword(body)).toBe(keyword);
  });

  it.each(['please stop texting me', 'stop it', 'STOPPED', 'opt out', 'yes please', '', '...', 'hello'])('%j is no keyword', (body) => {
    expect(smsKeyword(body)).toBeUndefined();
  });
});

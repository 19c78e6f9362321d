import { stripQuotedReply } from './quoted-reply';

describe('stripQuotedReply', () => {
  it.each([
    ['Gmail', 'Tomorrow at 3 works.\n\nOn Mon, Jun 15, 2026 at 9:00 AM Acme Dental <hello@acme.test> wrote:\n> Still interested?\n'],
    [
      'Gmail, wrapped attribution',
      'Tomorrow at 3 works.\n\nOn Mon, Jun 15, 2026 at 9:00 AM Acme Dental\n<hello@acme.test> wrote:\n> Still interested?\n',
    ],
    ['Outlook separator', 'Tomorrow at 3 works.\r\n\r\n-----Original Message-----\r\nFrom: Acme\r\nSent: Monday\r\n\r\nStill interested?'],
    [
      'Outlook header block',
      'Tomorrow at 3 works.\n\nFrom: Acme Dental <hello@acme.test>\nSent: Monday, June 15, 2026 9:00 AM\nTo: Ada\nSubject: Cleaning\n\nStill interested?',
    ],
    ['bare quote', 'Tomorrow at 3 works.\n\n> Still interested?\n> Reply any time.'],
    ['signature', 'Tomorrow at 3 works.\n\n-- \nAda Lovelace\nAnalytical Engines Ltd'],
    ['mobile footer', 'Tomorrow at 3 works.\n\nSent from my iPhone'],
    ['French', 'Tomorrow at 3 works.\n\nLe lun. 15 juin 2026 à 09:00, Acme <hello@acme.test> a écrit :\n> Toujours intéressée ?'],
  ])('keeps only the new text (%s)', (_client, text) => {
    expect(stripQuotedReply(text)).toBe('Tomorrow at 3 works.');
  });

  it('keeps inline quotes that are answered below, and text without history as it is', () => {
    expect(stripQuotedReply('> Which day?\nTuesday.\n> What time?\nNoon.')).toBe('> Which day?\nTuesday.\n> What time?\nNoon.');
    expect(stripQuotedReply('  Just a plain answer.\nOn second thought, Wednesday.  ')).toBe(
      'Just a plain answer.\nOn second thought, Wednesday.',
    );
  });
});

import { matchPhrases, PHRASE_THRESHOLD } from './agent-phrases';
import { normalizeText } from './text-normalize';

const phrases = {
  humanHandOver: ['Quiero hablar con un asesor', 'talk to a real person'],
  stopBot: ['já resolvi, obrigado'],
  transferBot: ['I want to sell my house'],
};
const match = (text: string) => matchPhrases(normalizeText(text), phrases);

describe('agent phrases', () => {
  it('match exactly after normalising case, accents, punctuation and emoji', () => {
    expect(match('QUIERO HABLAR CON UN ASESOR!!')).toEqual({ action: 'humanHandOver', score: 1 });
    expect(match('ja resolvi obrigado 🙏')).toMatchObject({ action: 'stopBot' });
    expect(match('Já resolvi, obrigado')).toEqual({ action: 'stopBot', score: 1 });
  });

  it('match small variations: word order, a typo, an extra word', () => {
    expect(match('con un asesor quiero hablar')?.action).toBe('humanHandOver');
    expect(match('quiero hablr con un asesor')?.action).toBe('humanHandOver');
    expect(match('can I talk to a real person please')?.action).toBe('humanHandOver');
    expect(match('i want to sell my house fast')?.action).toBe('transferBot');
  });

  it('do not match what only shares a word or two', () => {
    expect(match('quiero hablar mañana')).toBeUndefined();
    expect(match('my house is big')).toBeUndefined();
    expect(matchPhrases('anything', undefined)).toBeUndefined();
    expect(matchPhrases('anything', {})).toBeUndefined();
    expect(PHRASE_THRESHOLD).toBeGreaterThan(0.5);
  });

  it('reuse the compiled phrases for equal content in a new object', () => {
    const again = { ...phrases, humanHandOver: [...phrases.humanHandOver] };
    expect(matchPhrases(normalizeText('talk to a real person'), again)).toEqual({ action: 'humanHandOver', score: 1 });
  });
});

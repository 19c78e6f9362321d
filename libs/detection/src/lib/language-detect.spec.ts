import { detectLanguage } from './language-detect';
import { normalizeText, tokensOf, withinOneEdit } from './text-normalize';

const lang = (text: string, hint?: 'en' | 'es' | 'pt') => detectLanguage(text, tokensOf(normalizeText(text)), hint);

describe('language and normalisation', () => {
  it('tells English, Spanish and Portuguese apart in short texts', () => {
    expect(lang("can't talk rn")).toBe('en');
    expect(lang('toy manejando, al rato te marco')).toBe('es');
    expect(lang('tô dirigindo, depois te ligo')).toBe('pt');
    expect(lang('mañana')).toBe('es');
    expect(lang('amanhã')).toBe('pt');
  });

  it('falls back to the hint, else English', () => {
    expect(lang('👍')).toBe('en');
    expect(lang('👍', 'es')).toBe('es');
  });

  it('normalises what people type', () => {
    expect(normalizeText('Mañana a las 3:30 p.m. 👋')).toBe('manana a las 3:30 pm emoji_wave');
    expect(normalizeText("Can't talk!!! byeee")).toBe('cant talk bye');
    expect(normalizeText('segunda-feira @ 10.30')).toBe('segunda feira at 10:30');
    expect(withinOneEdit('tomorow', 'tomorrow')).toBe(true);
    expect(withinOneEdit('ocupdao', 'ocupado')).toBe(true);
    expect(withinOneEdit('ocupado', 'ocupados1')).toBe(false);
  });
});

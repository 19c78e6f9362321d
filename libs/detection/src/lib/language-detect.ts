import type { DetectionLanguage } from './intent-detector';
import { LEXICON_EN } from './lexicon-en';
import { LEXICON_ES } from './lexicon-es';
import { LEXICON_PT } from './lexicon-pt';
import type { Lexicon } from './lexicon.types';

/**
 * Which language a short message is in, from marker words (weighted: a word only one language uses
 * weighs more than one two share) and letters ("ç", "ã", "ñ", "¿"). Ties go to the hint, else English.
 */
const MARKERS: Readonly<Record<DetectionLanguage, string>> = {
  en: `the i im you u your ur me my is are am be it its this that what when where who how can cant could would will wont
    call text talk later tomorrow tmrw tmr tonight today morning afternoon evening night week weekend next in at on after before
    busy driving meeting work not no dont thanks thank thx ty please pls yes yeah yep nope ok okay sure bye see hi hello hey
    rn tho lol want need someone person human real agent interested stop remove number wrong already bought sorry free now
    right just have got gotta gonna wanna of and but with for from about minutes mins hour hours hr hrs day days monday tuesday
    wednesday thursday friday saturday sunday soon later back reach out hit let know him her they we our us appreciate good`,
  es: `el la los las un una unos yo tu usted ud le lo estoy estas esta toy tas soy eres es son hay que porque pero y o con
    por para de del en ahorita ahora manana hoy luego despues tarde noche semana proxima viene lunes martes miercoles jueves
    viernes sabado domingo llamame llamar marcame marca escribeme escribe hablame hablar hablamos platicamos quiero puedo
    puede no si gracias grax porfa xfa favor hola buenas buenos dias adios chao chau nos vemos hasta ocupado ocupada manejando
    trabajando junta reunion interesa interesado numero equivocado ya compre nada mejor otro otra alguien persona asesor
    humano robot minutos hora horas media rato luego cuando donde cuanto cuesta precio mas tambien tmb muy bien vale sale
    dale orale claro jaja jeje mande bueno estamos dejame deja mandame sigo voy ayer necesitas necesito dime pasa paso
    llamo marco escribo gusta tienen tiene quisiera informacion cita abren cierran ando andamos platicamos pues oye senor`,
  pt: `o a os as um uma eu voce vc vcs ele ela estou esta to ta tou tamo sou e sao tem que porque pq mas e ou com pra pro
    para de do da no na em nao n sim obrigado obrigada obg vlw valeu oi ola bom boa dia tchau ate logo mais tarde noite hoje
    amanha amnh depois dps semana proxima vem segunda terca quarta quinta sexta sabado domingo feira liga ligar ligue me
    chama falar fala falamos conversar quero posso pode ocupado ocupada dirigindo trabalho reuniao interesse tenho ja
    comprei errado numero alguem pessoa atendente humano robo minutos hora horas meia daqui pouco agora quando onde quanto
    custa preco tambem tb muito beleza blz kk kkk rs ne entao hj msg manda mande retorno agradeco fico aguardo saio ontem
    precisa preciso tava estava voces ligo chamo falo gostaria informacoes fica fecha abrem apartamento tudo aqui ai la isso pela pelo`,
};

/** Month names, which differ between the three. */
const MONTH_NAMES: Readonly<Record<DetectionLanguage, string>> = {
  en: 'january february march april may june july august september october november december',
  es: 'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre fin mediodia te mes proximo proxima se',
  pt: 'janeiro fevereiro marco abril maio junho julho agosto setembro outubro novembro dezembro fim em meio te mes proximo proxima dia dias',
};

/** Each language's shorthand ("tmrw", "xfa", "vc") and the words of its lexicon mark it too. */
const lexiconWords = (lexicon: Lexicon) => [
  ...Object.keys(lexicon.aliases),
  ...(JSON.stringify({ ...lexicon, aliases: {} }).match(/(?<![\\[])\b[a-z]{3,}\b(?!\])/g) ?? []),
];
const SHORTHAND: Readonly<Record<DetectionLanguage, string[]>> = {
  en: lexiconWords(LEXICON_EN),
  es: lexiconWords(LEXICON_ES),
  pt: lexiconWords(LEXICON_PT),
};

const WEIGHTS = new Map<string, Partial<Record<DetectionLanguage, number>>>();
for (const language of Object.keys(MARKERS) as DetectionLanguage[]) {
  const words = [MARKERS[language], MONTH_NAMES[language]].join(' ').split(/\s+/);
  for (const word of new Set([...words.filter(Boolean), ...SHORTHAND[language]])) {
    const entry = WEIGHTS.get(word) ?? {};
    entry[language] = 1;
    WEIGHTS.set(word, entry);
  }
}
for (const entry of WEIGHTS.values()) {
  const shared = Object.keys(entry).length;
  for (const language of Object.keys(entry) as DetectionLanguage[]) entry[language] = shared === 1 ? 2 : shared === 2 ? 0.6 : 0.2;
}

const PT_LETTERS = /[ãõç]|\b(nao|voce|tambem|entao)\b/;
const ES_LETTERS = /[ñ¿¡]/;

/** The language of a message, given its raw text and its normalised words. */
export function detectLanguage(raw: string, tokens: readonly string[], hint?: DetectionLanguage): DetectionLanguage {
  const score: Record<DetectionLanguage, number> = { en: 0, es: 0, pt: 0 };
  for (const token of tokens) {
    const entry = WEIGHTS.get(token);
    if (!entry) continue;
    for (const language of Object.keys(entry) as DetectionLanguage[]) score[language] += entry[language] ?? 0;
  }
  const lower = raw.toLowerCase();
  if (PT_LETTERS.test(lower)) score.pt += 2;
  if (ES_LETTERS.test(lower)) score.es += 2;
  if (/\b(rs|kkk+)\b/.test(lower)) score.pt += 1;
  if (/\b(ja(ja)+|je(je)+)\b/.test(lower)) score.es += 1;
  const order: DetectionLanguage[] = hint ? [hint, ...(['en', 'es', 'pt'] as const).filter((l) => l !== hint)] : ['en', 'es', 'pt'];
  if (hint) score[hint] += 1;
  let best = order[0];
  for (const language of order) if (score[language] > score[best]) best = language;
  return best;
}

import { HOUR_WORDS, MONTHS, PART_WORDS, WEEKDAYS, alternation, type PartOfDay } from './time-vocabulary';
import { readClock, readDuration, type Clock } from './time-units';

/** What a message says about when, before it is placed on a calendar (time-resolve.ts does that). */
export interface TimeParts {
  /** "in an hour", "en media hora", "daqui a 15 min". */
  offsetMinutes?: number;
  /** Today 0, tomorrow 1, "in 2 days" 2. */
  dayOffset?: number;
  monthOffset?: number;
  weekday?: number;
  /** English "next Friday": the Friday of next week when this week's is still ahead. */
  weekdayNext?: boolean;
  date?: { day: number; month?: number; numeric?: boolean };
  period?: 'nextWeek' | 'weekend' | 'nextWeekend' | 'nextMonth' | 'endOfWeek' | 'endOfMonth';
  clock?: Clock;
  part?: PartOfDay;
  /** "yesterday", "last week", "2 days ago": the text points back in time. */
  past?: boolean;
  /** The words of the text that were not read as time. */
  rest: string[];
  found: boolean;
}

const DAYS = alternation(Object.keys(WEEKDAYS).filter((w) => !['wed', 'sat', 'sun', 'tue'].includes(w)));
const ANY_DAY = alternation(Object.keys(WEEKDAYS));
/** Weekday names that stand alone ("wed", "sat", "sun", "tue" need a "on"/"next"/"this"). */
const BARE_DAY = new RegExp(`^(?:${DAYS})$`);
const MONTH = alternation(Object.keys(MONTHS));
const DAY_WORDS = `tomorrow|today|tonight|manana|hoy|amanha|hoje|feira|week|semana|weekend|${ANY_DAY}`;
const NUM = `\\d{1,2}|${alternation(Object.keys(HOUR_WORDS))}`;

type Rule = [RegExp, (m: RegExpExecArray, p: TimeParts) => boolean | void];

const PAST =
  /\b(?:yesterday|ayer|anoche|antier|anteayer|ontem|anteontem|last\s+(?:night|week|month|time)|(?:la\s+)?semana\s+pasada|semana\s+passada|mes\s+pasad[oa]|mes\s+passad[oa]|\d+\s+\w+\s+ago|hace\s+(?:\d+|una?|unos|unas|dos|tres|rato)\b(?:\s+\w+)?|ha\s+\d+\s+\w+)\b/g;

const CLOCK_PREFIX =
  'at|around|arround|about|by|after|before|until|till|til|from|a\\s+las|a\\s+la|las|como\\s+a\\s+las|a\\s+eso\\s+de\\s+las|sobre\\s+las|' +
  'despues\\s+de\\s+las|despues\\s+de\\s+la|antes\\s+de\\s+las|antes\\s+de\\s+la|hasta\\s+las|hasta\\s+la|desde\\s+las|tipo|tipo\\s+as|' +
  'as|a|la\\s+pelas|pelas|por\\s+volta\\s+das|depois\\s+das|depois\\s+da|antes\\s+das|antes\\s+da|ate\\s+as|ate\\s+a|ate|umas|unas|para\\s+las|pras';
const QUALIFIER =
  '(?:\\s+(?:de\\s+la|de|da|in\\s+the|por\\s+la|en\\s+la|a\\s+la|pela|na|this)\\s+(manana|manha|madrugada|tarde|noche|noite|morning|afternoon|evening|night))?';
const CLOCK = new RegExp(
  `\\b(?:(${CLOCK_PREFIX})\\s+)?(${NUM})(?:(?::|h)(\\d{2}))?(?:\\s*(am|pm|hs|hrs|h|horas|ish))?` +
    `(?:\\s+(?:oclock|o\\s+clock|en\\s+punto|em\\s+ponto))?(?:\\s+(?:y|e|and)\\s+(media|meia|cuarto|quarter|half))?${QUALIFIER}(?![:/\\d])`,
  'g',
);
const AFTER_DAY_NUMBER = new RegExp(
  `(?<=\\b(?:tomorrow|manana|amanha|today|hoy|hoje|${ANY_DAY})\\s+)(\\d{1,2})(?![\\d:/]|\\s*(?:st|nd|rd|th|de|of|min|hour|hora|dia|day))`,
  'g',
);

/** A day the contact says they cannot do ("busy tomorrow", "no puedo el lunes", "amanhã não posso"): not a time to call. */
const UNAVAILABLE = new RegExp(
  `\\b(?:busy|cant(?:\\s+do)?|cannot|not|no\\s+puedo|ocupad[oa]|nao\\s+posso|nao\\s+da|estou\\s+ocupad[oa])\\s+(?:on\\s+|el\\s+|na\\s+|no\\s+)?(?:tomorrow|today|tonight|manana|amanha|hoy|hoje|${ANY_DAY})\\b` +
    `|\\b(?:tomorrow|manana|amanha|hoy|hoje)\\s+(?:no\\s+puedo|nao\\s+posso|nao\\s+da|i\\s+cant)\\b`,
  'g',
);

const RULES: Rule[] = [
  [PAST, (_m, p) => void (p.past = true)],
  [UNAVAILABLE, () => undefined],
  [
    /\b(?:in|en|em|within|dentro\s+de|daqui\s+a|daqui|de\s+aqui\s+a|give\s+me|dame|me\s+da|me\s+de|tipo\s+em)\s+(?:(?:like|about|around|unos|unas|uns|umas|como|cerca\s+de|mais\s+ou\s+menos|uma?s)\s+)?([a-z0-9 ]+?)\s*(minutes|minute|mins|min|minutos|minuto|minutinhos|minutinho|minutitos|hours|hour|hrs|hr|h|horas|hora|horinha|days|day|dias|dia|weeks|week|semanas|semana|months|month|meses|mes)\b(?:\s+(?:y|e|and)\s+(?:media|meia|a\s+half))?/g,
    (m, p) => readDuration(m[0], m[1], m[2], p),
  ],
  [
    /\b(?:(?:in|en|em|dentro\s+de|daqui\s+a|daqui)\s+)?(?:half\s+an?\s+hour|half\s+hour|media\s+hora|meia\s+hora)\b/g,
    (_m, p) => void (p.offsetMinutes = 30),
  ],
  [/\b(?:an?\s+hour|una\s+hora|uma\s+hora)\s+(?:and\s+a\s+half|y\s+media|e\s+meia)\b/g, (_m, p) => void (p.offsetMinutes = 90)],
  [
    /\b(?:in|en|em|give\s+me|dame|daqui\s+a)\s+(5|10|15|20|30|45)(?!\s*(?:am|pm|h|:|\d))\b/g,
    (m, p) => void (p.offsetMinutes = Number(m[1])),
  ],
  [/\b(\d{1,3})\s*(?:mins?|minutes|minutos|minutinhos)\b/g, (m, p) => void (p.offsetMinutes = Number(m[1]))],
  [/\b(half|quarter)\s+(past|to)\s+(\d{1,2}|[a-z]+)\b/g, (m, p) => readClock(p, m[3], m[1] === 'half' ? 30 : m[2] === 'to' ? -15 : 15)],
  [
    /\b(?:at\s+|a\s+|al\s+|ao\s+|around\s+|by\s+)?(?:noon|midday|mediodia|medio\s+dia|meio\s+dia|meiodia)\b/g,
    (_m, p) => void (p.clock = { hour: 12, minute: 0, certain: true, shift: 0 }),
  ],
  [CLOCK, (m, p) => readClock(p, m[2], 0, m)],
  [AFTER_DAY_NUMBER, (m, p) => readClock(p, m[1], 0)],
  [
    /\b(?:at|during|around|after|before)\s+(?:my\s+)?lunch(?:\s*time)?\b|\blunchtime\b|\b(?:a|en)\s+la\s+hora\s+de\s+(?:la\s+)?com(?:ida|er)\b|\b(?:na\s+)?hora\s+do\s+almoco\b/g,
    (m, p) => void (p.part = /after/.test(m[0]) ? 'afterLunch' : 'lunch'),
  ],
  [
    /\b(?:after\s+lunch|despues\s+de\s+(?:la\s+)?comer|despues\s+de\s+la\s+comida|depois\s+do\s+almoco)\b/g,
    (_m, p) => void (p.part = 'afterLunch'),
  ],
  [
    /\b(?:after|when\s+i\s+get\s+off|once\s+i\s+get\s+off)\s+(?:work|my\s+shift)|\bafter\s+i\s+get\s+off\b|\b(?:despues\s+del|saliendo\s+del|al\s+salir\s+del|cuando\s+salga\s+del)\s+(?:trabajo|jale|chamba)\b|\b(?:depois\s+do|quando\s+sair\s+do|saindo\s+do)\s+(?:trabalho|servico|expediente|trampo)\b/g,
    (_m, p) => void (p.part = 'afterWork'),
  ],
  [
    /\b(?:end\s+of\s+(?:the\s+)?day|eod|(?:al\s+)?final\s+del\s+dia|(?:al\s+)?fin\s+del\s+dia|(?:no\s+)?final\s+do\s+dia|fim\s+do\s+dia)\b/g,
    (_m, p) => void (p.part = 'endOfDay'),
  ],
  [new RegExp(`(?<=\\b(?:${DAY_WORDS})\\s+)(?:early|temprano|tempranito|cedo|cedinho)\\b`, 'g'), (_m, p) => void (p.part = 'morning')],
  [/\btonight\b|\besta\s+noche\b/g, (_m, p) => void ((p.part = 'evening'), (p.dayOffset ??= 0))],
  [
    /\b(?:first\s+thing(?:\s+in\s+the\s+morning)?|early)\b(?=\s+(?:tomorrow|manana|amanha|monday)|\s*$)/g,
    (_m, p) => void (p.part = 'morning'),
  ],
  [
    new RegExp(
      `(?:\\b(?:(?:in|during|early\\s+in|late\\s+in|on|by)\\s+the|this|at|en\\s+la|por\\s+la|a\\s+la|de\\s+la|para\\s+la|esta|en\\s+las|por\\s+las|de|a|pela|na\\s+parte\\s+da|no\\s+periodo\\s+da|na|nesta|essa|nessa|durante\\s+a)\\s+|(?<=\\b(?:${DAY_WORDS})\\s+))(morning|afternoon|evening|night|manana|tarde|noche|tardecita|nochecita|madrugada|manha|noite|tardinha|noitinha)\\b`,
      'g',
    ),
    (m, p) => (/^de\s+manana/.test(m[0]) ? false : void (p.part = PART_WORDS[m[1]])),
  ],
  [/(?<!\bgood\s+)\b(afternoon|evening)\b/g, (m, p) => void (p.part = PART_WORDS[m[1]])],
  [
    /\b(?:next\s+weekend|el\s+otro\s+fin(?:\s+de\s+semana)?|el\s+proximo\s+fin\s+de\s+semana|proximo\s+fim\s+de\s+semana|no\s+outro\s+fim\s+de\s+semana)\b/g,
    (_m, p) => void (p.period = 'nextWeekend'),
  ],
  [
    /\b(?:(?:this|the|on\s+the|over\s+the|during\s+the)\s+)?weekend\b|\b(?:este\s+|el\s+|en\s+el\s+|para\s+el\s+)?fin(?:de)?\s+de\s+semana\b|\b(?:este|el)\s+finde\b|\bfinde\b|\b(?:no|neste|nesse|esse|este|o|pro|para\s+o)?\s*(?:fim|final)\s+de\s+semana\b|\bfds\b/g,
    (_m, p) => void (p.period = 'weekend'),
  ],
  [
    /\b(?:next\s+week|nxt\s+week|this\s+coming\s+week|early\s+next\s+week|(?:la\s+)?(?:proxima|otra|siguiente)\s+semana|(?:la\s+)?semana\s+que\s+viene|(?:a\s+|na\s+)?proxima\s+semana|(?:a\s+|na\s+)?semana\s+que\s+vem|na\s+outra\s+semana|semana\s+seguinte)\b/g,
    (_m, p) => void (p.period = 'nextWeek'),
  ],
  [
    /\b(?:next\s+month|el\s+(?:proximo|siguiente)\s+mes|(?:el\s+)?mes\s+que\s+viene|(?:o\s+|no\s+)?(?:proximo\s+mes|mes\s+que\s+vem))\b/g,
    (_m, p) => void (p.period = 'nextMonth'),
  ],
  [
    /\b(?:(?:at\s+the\s+)?end\s+of\s+(?:the|this)\s+week|(?:a\s+)?finales\s+de\s+(?:esta\s+)?semana|(?:no\s+)?(?:final|fim)\s+da\s+semana)\b/g,
    (_m, p) => void (p.period = 'endOfWeek'),
  ],
  [
    /\b(?:(?:at\s+the\s+)?end\s+of\s+(?:the|this)\s+month|(?:a\s+)?fin(?:ales)?\s+de(?:l)?\s+mes|(?:no\s+)?(?:final|fim)\s+do\s+mes)\b/g,
    (_m, p) => void (p.period = 'endOfMonth'),
  ],
  [new RegExp(`\\b(${MONTH})\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'g'), (m, p) => void (p.date = { day: Number(m[2]), month: MONTHS[m[1]] })],
  [
    new RegExp(`\\b(?:(?:el|dia|o\\s+dia|no\\s+dia|on\\s+the|the)\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+|de\\s+)?(${MONTH})\\b`, 'g'),
    (m, p) => void (p.date = { day: Number(m[1]), month: MONTHS[m[2]] }),
  ],
  [/\b(\d{1,2})\/(\d{1,2})(?:\/\d{2,4})?\b/g, (m, p) => void (p.date = { day: Number(m[1]), month: Number(m[2]), numeric: true })],
  [/\b(?:on\s+the|the)\s+(\d{1,2})(?:st|nd|rd|th)\b/g, (m, p) => void (p.date = { day: Number(m[1]) })],
  [
    /\b(?:el\s+dia|el|dia|o\s+dia|no\s+dia|para\s+el|pro\s+dia|para\s+o\s+dia)\s+(\d{1,2})\b(?!\s*(?::|h\b|am|pm|min|hour|hora|dia|day|de\b))/g,
    (m, p) => void (p.date = { day: Number(m[1]) }),
  ],
  [
    new RegExp(
      `\\b(?:(next|this\\s+coming|this|coming|on|by|proximo|proxima|el|la|este|esta|o|a|na|no|nesta|neste|nessa|nesse|essa|esse|pra|para|ate|hasta\\s+el)\\s+)?(${ANY_DAY})(?:\\s+feira)?(?:\\s+(que\\s+viene|que\\s+vem|proximo|proxima|next\\s+week|de\\s+la\\s+(?:proxima|otra)\\s+semana|de\\s+la\\s+semana\\s+que\\s+viene|da\\s+(?:proxima\\s+)?semana(?:\\s+que\\s+vem)?))?\\b`,
      'g',
    ),
    (m, p) => {
      if (!m[1] && !BARE_DAY.test(m[2])) return false;
      p.weekday = WEEKDAYS[m[2]];
      p.weekdayNext = m[1] === 'next' || /^que\s/.test(m[3] ?? '');
      if (m[3] && /week|semana/.test(m[3])) p.period = 'nextWeek';
      return true;
    },
  ],
  [/\b(?:(?:the\s+)?day\s+after\s+tomorrow|pasado\s+manana|depois\s+de\s+amanha)\b/g, (_m, p) => void (p.dayOffset = 2)],
  [/\b(?:tomorrow|amanha|manana)\b/g, (_m, p) => void (p.dayOffset = 1)],
  [/\b(?:today|hoy|hoje)\b/g, (_m, p) => void (p.dayOffset ??= 0)],
];

/** Every word the time rules name (so that no typo correction turns one into another). */
export const TIME_WORDS: ReadonlySet<string> = new Set(
  RULES.flatMap(([pattern]) => pattern.source.replace(/\\[a-zA-Z]/g, ' ').match(/[a-z]{3,}/g) ?? []),
);

const MASK = '~';

/** Reads the time expressions of a normalised text (see docs/detection.md for the list). */
export function parseTime(text: string): TimeParts {
  const parts: TimeParts = { rest: [], found: false };
  let s = ` ${text} `;
  for (const [pattern, read] of RULES) {
    pattern.lastIndex = 0;
    if (!pattern.test(s)) continue;
    pattern.lastIndex = 0;
    s = s.replace(pattern, (...args: unknown[]) => {
      const match = args[0] as string;
      const groups = args.slice(0, -2) as string[];
      const m = Object.assign(groups, { index: args[args.length - 2] as number, input: s }) as unknown as RegExpExecArray;
      if (read(m, parts) === false) return match;
      if (pattern !== UNAVAILABLE) parts.found = true;
      return match.replace(/\S/g, MASK);
    });
  }
  parts.rest = s.split(/\s+/).filter((w) => w && !w.includes(MASK));
  return parts;
}

/**
 * Words the time reader knows, in English, Spanish and Portuguese, normalised (lower case, no
 * accents: "miércoles" is "miercoles", "às" is "as", "março" is "marco").
 */

/** Small numbers as words (an "a"/"an"/"un"/"um" counts one). */
export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, un: 1, uno: 1, una: 1, um: 1, uma: 1,
  two: 2, dos: 2, dois: 2, duas: 2, couple: 2, 'a couple': 2, 'a couple of': 2, 'un par de': 2, 'un par': 2,
  three: 3, tres: 3, four: 4, cuatro: 4, quatro: 4, five: 5, cinco: 5, six: 6, seis: 6,
  seven: 7, siete: 7, sete: 7, eight: 8, ocho: 8, oito: 8, nine: 9, nueve: 9, nove: 9, ten: 10, diez: 10, dez: 10,
  eleven: 11, once: 11, onze: 11, twelve: 12, doce: 12, doze: 12, fifteen: 15, quince: 15, quinze: 15,
  twenty: 20, veinte: 20, vinte: 20, thirty: 30, treinta: 30, trinta: 30, 'forty five': 45, 'cuarenta y cinco': 45,
  'quarenta e cinco': 45, few: 3, 'a few': 3, unos: 3, unas: 3, uns: 3, umas: 3, algunos: 3, algunas: 3, alguns: 3,
  algumas: 3, some: 3,
}; // prettier-ignore

/** Quantities that mean "a few" (read as 3, or 10 for minutes). */
export const FEW_WORDS = new Set(['few', 'a few', 'unos', 'unas', 'uns', 'umas', 'algunos', 'algunas', 'alguns', 'algumas', 'some']);

/** Hours written as words ("at three", "a las tres", "às três"). */
export const HOUR_WORDS: Readonly<Record<string, number>> = {
  one: 1, una: 1, uma: 1, two: 2, dos: 2, duas: 2, three: 3, tres: 3, four: 4, cuatro: 4, quatro: 4, five: 5, cinco: 5,
  six: 6, seis: 6, seven: 7, siete: 7, sete: 7, eight: 8, ocho: 8, oito: 8, nine: 9, nueve: 9, nove: 9, ten: 10,
  diez: 10, dez: 10, eleven: 11, once: 11, onze: 11, twelve: 12, doce: 12,
}; // prettier-ignore

/** Weekdays (Luxon numbering: 1 Monday .. 7 Sunday). Three-letter English names that are also words need a "on"/"next"/"this". */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  monday: 1, mon: 1, tuesday: 2, tues: 2, tue: 2, wednesday: 3, weds: 3, thursday: 4, thurs: 4, thur: 4, thu: 4,
  friday: 5, fri: 5, saturday: 6, sunday: 7, wed: 3, sat: 6, sun: 7,
  lunes: 1, martes: 2, miercoles: 3, jueves: 4, viernes: 5, sabado: 6, domingo: 7,
  segunda: 1, terca: 2, quarta: 3, quinta: 4, sexta: 5,
}; // prettier-ignore

export const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
  enero: 1, febrero: 2, marzo: 3, abril: 4, mayo: 5, junio: 6, julio: 7, agosto: 8, septiembre: 9, setiembre: 9,
  octubre: 10, noviembre: 11, diciembre: 12, janeiro: 1, fevereiro: 2, marco: 3, maio: 5, junho: 6, julho: 7,
  setembro: 9, outubro: 10, novembro: 11, dezembro: 12,
}; // prettier-ignore

/** Parts of the day and the fixed local hour each stands for; `end` is when the part is over. */
export type PartOfDay = 'morning' | 'lunch' | 'afterLunch' | 'afternoon' | 'endOfDay' | 'afterWork' | 'evening';
export const PART_OF_DAY: Readonly<Record<PartOfDay, { hour: number; minute: number; end: number; pm: boolean }>> = {
  morning: { hour: 9, minute: 0, end: 12, pm: false },
  lunch: { hour: 13, minute: 0, end: 15, pm: true },
  afterLunch: { hour: 14, minute: 0, end: 16, pm: true },
  afternoon: { hour: 15, minute: 0, end: 18, pm: true },
  endOfDay: { hour: 17, minute: 0, end: 19, pm: true },
  afterWork: { hour: 18, minute: 0, end: 21, pm: true },
  evening: { hour: 19, minute: 0, end: 23, pm: true },
};

/** The part of day a word names ("manana" only after an article: alone it is "tomorrow"). */
export const PART_WORDS: Readonly<Record<string, PartOfDay>> = {
  morning: 'morning', manana: 'morning', manha: 'morning', madrugada: 'morning', early: 'morning', temprano: 'morning',
  cedo: 'morning', cedinho: 'morning', afternoon: 'afternoon', tarde: 'afternoon', tardecita: 'afternoon',
  tardinha: 'afternoon', evening: 'evening', night: 'evening', tonight: 'evening', noche: 'evening', nochecita: 'evening',
  noite: 'evening', noitinha: 'evening',
}; // prettier-ignore

/** A regex alternation of the keys, longest first (so "a couple of" wins over "a"). */
export function alternation(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s+'))
    .join('|');
}

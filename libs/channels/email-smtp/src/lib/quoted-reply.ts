/**
 * The new text of an email reply: everything above the quoted history and the signature. Mail
 * clients mark the history in a handful of ways; the first line that starts one cuts the text:
 * - an attribution line: "On Mon, Jun 15, 2026 at 9:00 AM Acme <hello@acme.test> wrote:" (Gmail,
 *   Apple Mail, Thunderbird; it may wrap over two lines), and its common translations;
 * - Outlook's "-----Original Message-----", or its header block "From: ...", then "Sent:"/"Date:";
 * - a run of ">"-quoted lines to the end;
 * - a signature: "-- " on its own line, or "Sent from my iPhone"-style footers.
 *
 * (email-reply-parser would do this, but it ships as ES modules that read `import.meta` and
 * cannot load in this CommonJS build's tests; the rules it applies to English and the main
 * European clients are these.)
 */
const ATTRIBUTION = /^(On|Le|El|Il|Em|Am|Op|Den)\s.+(wrote|a écrit|escribió|ha scritto|escreveu|schrieb|schreef|skrev)\s?:\s*$/i;
const ORIGINAL = /^-{2,}\s*(Original Message|Message d'origine|Ursprüngliche Nachricht|Mensaje original)\s*-{2,}\s*$/i;
const HEADER_FROM = /^\*?(From|De|Von|Van|Da)\s?:\*?\s.+/i;
const HEADER_NEXT = /^\*?(Sent|Date|Envoyé|Gesendet|Enviado|To|À|An|Subject)\s?:\*?\s/i;
const SIGNATURE = /^(-- ?|_{2,}|Sent from my .+|Sent from .+ for (iOS|Android)|Get Outlook for .+|Envoyé de mon .+)$/i;

export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trimEnd();
    const joined = `${line} ${(lines[i + 1] ?? '').trim()}`.trim();
    if (
      ATTRIBUTION.test(line) ||
      (/^(On|Le|El|Il|Em|Am|Op|Den)\s/i.test(line) && ATTRIBUTION.test(joined)) ||
      ORIGINAL.test(line) ||
      SIGNATURE.test(line)
    ) {
      cut = i;
      break;
    }
    if (HEADER_FROM.test(line) && HEADER_NEXT.test((lines[i + 1] ?? '').trim()) && (i === 0 || !(lines[i - 1] ?? '').trim())) {
      cut = i;
      break;
    }
    if (line.startsWith('>') && lines.slice(i).every((l) => !l.trim() || l.trimStart().startsWith('>'))) {
      cut = i;
      break;
    }
  }
  return lines.slice(0, cut).join('\n').trim();
}

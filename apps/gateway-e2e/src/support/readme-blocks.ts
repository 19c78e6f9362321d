import { spawn } from 'node:child_process';

/** A ```sh or ```bash block of a Markdown file. */
export interface ShellBlock {
  /** 1-based line of the opening fence. */
  line: number;
  /** The heading the block sits under ("" before the first one). */
  heading: string;
  code: string;
  /** Why the block is not run (the `<!-- readme-test: skip … -->` comment before it), or undefined. */
  skip?: string;
}

const OPEN = /^(\s*)```\s*([\w-]*)\s*$/;
const SKIP = /^\s*<!--\s*readme-test:\s*skip\b\s*(.*?)\s*-->\s*$/;

/**
 * The shell blocks of `markdown`, in order. A block opts out of the test with a comment line
 * `<!-- readme-test: skip (the reason) -->` before its fence (blank lines between are allowed).
 */
export function shellBlocks(markdown: string): ShellBlock[] {
  const lines = markdown.split('\n');
  const blocks: ShellBlock[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (/^#{1,6} /.test(text)) heading = text.replace(/^#+ /, '');
    const open = OPEN.exec(text);
    if (!open) continue;
    const indent = open[1]?.length ?? 0;
    const language = open[2] ?? '';
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && !/^\s*```\s*$/.test(lines[j] ?? '')) body.push((lines[j++] ?? '').slice(indent));
    if (language === 'sh' || language === 'bash') {
      let k = i - 1;
      while (k >= 0 && (lines[k] ?? '').trim() === '') k--;
      const marker = SKIP.exec(lines[k] ?? '');
      const skip = marker ? marker[1]?.replace(/^\((.*)\)$/, '$1') || 'no reason given' : undefined;
      blocks.push({ line: i + 1, heading, code: body.join('\n'), skip });
    }
    i = j;
  }
  return blocks;
}

/**
 * Runs one block in bash with `set -euo pipefail`, curl failing on HTTP errors (`--fail-with-body`),
 * after the shell variables the earlier blocks left in `stateFile`; on success writes the
 * variables back, so blocks run as if typed one after another in one shell.
 */
export function runShellBlock(
  code: string,
  stateFile: string,
  env: Record<string, string>,
  timeoutMs = 30_000,
): Promise<{ code: number | null; output: string }> {
  const script = [
    '__base=" $(compgen -v | tr "\\n" " ") "',
    `[ -f '${stateFile}' ] && source '${stateFile}'`,
    'set -euo pipefail',
    // curl fails on an HTTP error, and its answer then also goes to stderr (a $(curl …) hides stdout).
    'curl() { local out rc=0; out=$(command curl --fail-with-body --show-error "$@") || rc=$?; printf "%s" "$out"; [ $rc -eq 0 ] || printf "%s\n" "$out" >&2; return $rc; }',
    code,
    '',
    `for __v in $(compgen -v); do case "$__base" in *" $__v "*) ;; *) case "$__v" in __*) ;; *) declare -p "$__v" ;; esac ;; esac; done > '${stateFile}'`,
  ].join('\n');
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeoutMs} ms)`;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ code: exitCode, output });
    });
  });
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { vi } from './messages.vi.js';
import { en } from './messages.en.js';

/**
 * A message with `{name}` placeholders shown without its parameters prints the raw braces
 * (reviewer finding: "Cơ quan ban hành: {name}" on the escalation page). This reads every
 * `t('literal.key', …)` call of the web source and checks each placeholder of the key's message
 * (in either language) is passed.
 */
const root = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The argument text of the call starting at `start` (just after the opening parenthesis). */
function callArguments(text: string, start: number): string {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) return text.slice(start, i);
    }
  }
  return text.slice(start);
}

const placeholders = (message: string | undefined) => [...(message ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

describe('t(key) calls pass every placeholder of their message', () => {
  it('finds no call missing a parameter', () => {
    const catalogues = [vi as Record<string, string>, en as Record<string, string>];
    const missing: string[] = [];
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([\w.-]+)'/g)) {
        const key = match[1]!;
        const names = new Set(catalogues.flatMap((c) => placeholders(c[key])));
        if (names.size === 0) continue;
        const args = callArguments(text, match.index + match[0].length);
        // A parameters object built elsewhere (`t(key, o.totals)`) is taken on trust.
        if (/^\s*,\s*[\w.]+\s*$/.test(args)) continue;
        for (const name of names) {
          // `{ name }`, `{ name: … }` or a spread of an object built elsewhere.
          if (!new RegExp(`\\b${name}\\b|\\.\\.\\.`).test(args)) {
            missing.push(`${relative(root, file)}: t('${key}') without {${name}}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

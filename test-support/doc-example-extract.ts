import { readdirSync, readFileSync } from 'node:fs';

/** One `@example` of the TSDoc comment of an exported function, class or constant in src/. */
export interface DocExample {
  /** e.g. `rouge/rouge.ts:132` (the line of the comment's start) */
  readonly where: string;
  /** the source file, relative to src/ */
  readonly file: string;
  /** the export the comment documents */
  readonly documents: string;
  /** the example's code, fences, imports and leading `*` removed */
  readonly code: string;
}

/**
 * A TSDoc comment and the exported function (async, generator), class (abstract) or constant
 * it documents.
 */
const DOC_BLOCK =
  /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*export (?:(?:async\s+)?function\s*\*?|(?:abstract\s+)?class|const|let)\s+(\w+)/g;

/** The `.ts` files under `srcDir`, relative to it with `/` separators, sorted. */
export function sourceFiles(srcDir: URL): string[] {
  return readdirSync(srcDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.replaceAll('\\', '/'))
    .sort();
}

/**
 * Every `@example` (a comment may have several) in the TSDoc of exported functions, classes and
 * constants under `srcDir`.
 *
 * @param srcDir - the package's src/ folder
 */
export function docExamples(srcDir: URL): DocExample[] {
  const examples: DocExample[] = [];
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(new URL(file, srcDir), 'utf8');
    for (const match of text.matchAll(DOC_BLOCK)) {
      const body = match[1]!.split('\n').map((l) => l.replace(/^\s*\* ?/, ''));
      const line = text.slice(0, match.index).split('\n').length;
      body.forEach((tag, start) => {
        if (!tag.startsWith('@example')) return;
        const end = body.findIndex((l, i) => i > start && l.startsWith('@'));
        const code = body
          .slice(start + 1, end < 0 ? undefined : end)
          .filter((l) => !l.startsWith('```') && !l.startsWith('import '))
          .join('\n');
        examples.push({ where: `${file}:${line}`, file, documents: match[2]!, code });
      });
    }
  }
  return examples;
}

/** Every module under `srcDir`, imported, by file relative to src/. */
export async function importSources(srcDir: URL): Promise<Map<string, Record<string, unknown>>> {
  const modules = new Map<string, Record<string, unknown>>();
  for (const file of sourceFiles(srcDir)) {
    modules.set(file, (await import(new URL(file, srcDir).href)) as Record<string, unknown>);
  }
  return modules;
}

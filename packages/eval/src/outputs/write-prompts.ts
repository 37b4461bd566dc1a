import { writeFile } from 'node:fs/promises';
import { Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { z } from 'zod';
import type { PromptMessage } from '../prompt/build-messages.js';

const MessagesSchema = z.array(
  z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() }),
);

/**
 * Builds the prompts table: one row per distinct prompt sent (or to be sent) in a run.
 *
 * @param prompts - prompt hash → messages
 * @returns an Arrow table with columns `prompt_hash` (16 hex characters, the
 *   `prompt_hash` of `predictions.arrow`) and `messages` (JSON text:
 *   `[{"role":"system","content":"…"},{"role":"user","content":"…"}]`), in plan order
 * @example
 * promptsTable(executed.prompts).numRows; // 40
 */
export function promptsTable(prompts: ReadonlyMap<string, readonly PromptMessage[]>): Table {
  const hashes = [...prompts.keys()];
  return new Table({
    prompt_hash: vectorFromArray(hashes, new Utf8()),
    messages: vectorFromArray(
      hashes.map((h) =>
        JSON.stringify(prompts.get(h)!.map((m) => ({ role: m.role, content: m.content }))),
      ),
      new Utf8(),
    ),
  });
}

/**
 * Writes `prompts.arrow` (Arrow IPC file format): the rendered prompts of a run, keyed by
 * the hash that `predictions.arrow` names in its `prompt_hash` column.
 *
 * @param path - destination
 * @param prompts - prompt hash → messages
 * @example
 * await writePrompts(join(dir, 'prompts.arrow'), executed.prompts);
 * readPrompts(readFileSync(join(dir, 'prompts.arrow'))).size; // 40
 */
export async function writePrompts(
  path: string,
  prompts: ReadonlyMap<string, readonly PromptMessage[]>,
): Promise<void> {
  await writeFile(path, tableToIPC(promptsTable(prompts), 'file'));
}

/**
 * Reads a `prompts.arrow` file back.
 *
 * @param bytes - the file's content
 * @returns prompt hash → messages, in file order
 * @throws ZodError when a `messages` cell is not a list of `{ role, content }` messages
 * @example
 * const prompts = readPrompts(readFileSync(join(baselineDir, 'prompts.arrow')));
 * prompts.get(rows[0].promptHash)[0].role; // 'user' (the messages sent for a prediction row)
 */
export function readPrompts(bytes: Uint8Array): Map<string, PromptMessage[]> {
  const table = tableFromIPC(bytes);
  const out = new Map<string, PromptMessage[]>();
  for (const r of table.toArray() as Record<string, unknown>[]) {
    out.set(r.prompt_hash as string, MessagesSchema.parse(JSON.parse(r.messages as string)));
  }
  return out;
}

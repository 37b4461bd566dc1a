import { createHash } from 'node:crypto';
import type { DatasetItem } from '../datasets/dataset-item.js';
import { renderTemplate } from './render-template.js';

/** One chat message of a built prompt. */
export interface PromptMessage {
  /** speaker */
  role: 'system' | 'user' | 'assistant';
  /** text */
  content: string;
}

/** The prompt part of a run configuration, as {@link buildMessages} needs it. */
export interface PromptSpec {
  /** system message (may use slots) */
  system?: string | undefined;
  /** user message template with `{{field}}` slots */
  template?: string | undefined;
  /** raw messages with slots (alternative to `template`) */
  messages?: PromptMessage[] | undefined;
  /** few-shot settings; `answerTemplate` renders the assistant turn of an example */
  fewShot: { answerTemplate: string };
  /** truncate each field value to this many characters */
  maxFieldChars?: number | undefined;
}

/**
 * The slots of an item: its fields, with `label` and `reference` only where the item has them,
 * so a slot the data cannot fill (`{{reference}}` of a classification item) is an unknown slot
 * as the configuration check says, not an empty string in every prompt.
 */
function fieldsOf(item: DatasetItem): Record<string, string> {
  return {
    ...item.fields,
    ...(item.label !== undefined && { label: item.label }),
    ...(item.reference !== undefined && { reference: item.reference }),
  };
}

/**
 * Builds the chat messages for one test item: system message, few-shot
 * examples as user/assistant turns, then the item's user turn.
 *
 * @param item - the test item
 * @param examples - few-shot examples (from the fold's training part)
 * @param spec - the prompt configuration
 * @returns the messages to send
 * @throws EvaluationError `MISSING_COLUMN` when a slot names no field
 * @remarks With raw `messages`, examples are inserted before the last message,
 *   whose content is used as the template for each example's user turn.
 * @example
 * const item = { id: 'm1', index: 0, fields: { text: 'Win a prize' }, label: 'spam' };
 * buildMessages(item, [], { template: 'Spam or ham?\n{{text}}', fewShot: { answerTemplate: '{{label}}' } });
 * // [{ role: 'user', content: 'Spam or ham?\nWin a prize' }]
 */
export function buildMessages(
  item: DatasetItem,
  examples: readonly DatasetItem[],
  spec: PromptSpec,
): PromptMessage[] {
  const opts = { maxFieldChars: spec.maxFieldChars };
  const out: PromptMessage[] = [];
  let head: PromptMessage[];
  let userTemplate: string;
  let userPath: string;
  if (spec.messages !== undefined) {
    head = spec.messages.slice(0, -1);
    userTemplate = spec.messages[spec.messages.length - 1]!.content;
    userPath = `prompt.messages[${spec.messages.length - 1}].content`;
  } else {
    head = [];
    userTemplate = spec.template ?? '{{text}}';
    userPath = 'prompt.template';
  }
  const fields = fieldsOf(item);
  if (spec.system !== undefined) {
    out.push({
      role: 'system',
      content: renderTemplate(spec.system, fields, { ...opts, configPath: 'prompt.system' }),
    });
  }
  head.forEach((m, i) => {
    out.push({
      role: m.role,
      content: renderTemplate(m.content, fields, {
        ...opts,
        configPath: `prompt.messages[${i}].content`,
      }),
    });
  });
  for (const ex of examples) {
    const exFields = fieldsOf(ex);
    out.push({
      role: 'user',
      content: renderTemplate(userTemplate, exFields, { ...opts, configPath: userPath }),
    });
    out.push({
      role: 'assistant',
      content: renderTemplate(spec.fewShot.answerTemplate, exFields, {
        configPath: 'prompt.fewShot.answerTemplate',
      }),
    });
  }
  out.push({
    role: 'user',
    content: renderTemplate(userTemplate, fields, { ...opts, configPath: userPath }),
  });
  return out;
}

/**
 * A stable short hash of a prompt (messages), used in predictions and as the journal key.
 *
 * @param messages - the prompt
 * @returns 16 hex characters of SHA-256 over the canonical JSON
 * @example
 * promptHash([{ role: 'user', content: 'hi' }]); // '…'
 */
export function promptHash(messages: readonly PromptMessage[]): string {
  return createHash('sha256')
    .update(JSON.stringify(messages.map((m) => [m.role, m.content])))
    .digest('hex')
    .slice(0, 16);
}

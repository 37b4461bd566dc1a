import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ClientConfigSchema, GenerationParamsSchema } from '../src/index.js';

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every property without a `description`, by path, through nested objects and unions. */
function undescribed(node: unknown, path: string, out: string[] = []): string[] {
  if (!isNode(node)) return out;
  if (isNode(node.properties)) {
    for (const [key, value] of Object.entries(node.properties)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (!isNode(value) || typeof value.description !== 'string' || value.description === '') {
        out.push(at);
      }
      undescribed(value, at, out);
    }
  }
  if (isNode(node.items)) undescribed(node.items, `${path}[]`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const options = node[key];
    if (Array.isArray(options)) for (const o of options) undescribed(o, path, out);
  }
  return out;
}

describe('ClientConfigSchema', () => {
  it('describes every field, so the JSON Schemas built from it show help in editors', () => {
    const schema = z.toJSONSchema(ClientConfigSchema, { io: 'input', unrepresentable: 'any' });
    expect(undescribed(schema, '')).toEqual([]);
    expect(Object.keys((schema as { properties: Node }).properties)).toContain('maxResponseBytes');
  });

  it('describes every generation parameter', () => {
    const schema = z.toJSONSchema(GenerationParamsSchema, { io: 'input', unrepresentable: 'any' });
    expect(undescribed(schema, '')).toEqual([]);
  });
});

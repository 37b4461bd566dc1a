import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runConfigJsonSchema, runConfigSchemaFile } from '../src/index.js';

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Every property of a JSON Schema that has no `description`, by path, visiting nested
 * objects, array items, unions and definitions.
 */
function undescribed(node: unknown, path: string, out: string[] = []): string[] {
  if (!isNode(node)) return out;
  if (isNode(node.properties)) {
    for (const [key, value] of Object.entries(node.properties)) {
      const at = path === '' ? key : `${path}.${key}`;
      const described = isNode(value) && typeof value.description === 'string';
      if (!described || (value.description as string).trim() === '') out.push(at);
      undescribed(value, at, out);
    }
  }
  if (isNode(node.items)) undescribed(node.items, `${path}[]`, out);
  if (isNode(node.additionalProperties)) undescribed(node.additionalProperties, `${path}.*`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
    const options = node[key];
    if (!Array.isArray(options)) continue;
    for (const [i, o] of options.entries()) undescribed(o, `${path}<${key}${i}>`, out);
  }
  for (const key of ['$defs', 'definitions'] as const) {
    const defs = node[key];
    if (isNode(defs)) for (const [k, v] of Object.entries(defs)) undescribed(v, `#${k}`, out);
  }
  return out;
}

describe('the run configuration JSON Schema', () => {
  const schema = runConfigJsonSchema();

  it('describes every property, so editors show help on each key', () => {
    expect(undescribed(schema, '')).toEqual([]);
  });

  it('walks every section, including the model and its nested settings', () => {
    const props = (schema as { properties: Record<string, Node> }).properties;
    const model = (props.models!.items as { properties: Record<string, Node> }).properties;
    expect(model.provider!.description).toMatch(/openai-chat/);
    const params = model.params as { properties: Record<string, Node> };
    expect(params.properties.maxTokens!.description).toMatch(/tokens/);
    const retry = model.retry as { properties: Record<string, Node> };
    expect(Object.keys(retry.properties)).toContain('maxRetryAfterMs');
  });

  it('finds a property without a description', () => {
    expect(
      undescribed(
        {
          properties: {
            a: { type: 'string', description: 'A' },
            b: { type: 'object', properties: { c: { type: 'number' } } },
            d: { type: 'array', items: { anyOf: [{ properties: { e: {} } }] } },
          },
        },
        '',
      ),
    ).toEqual(['b', 'b.c', 'd', 'd[]<anyOf0>.e']);
  });
});

describe('runConfigSchemaFile', () => {
  it('names the committed schema file', () => {
    const file = runConfigSchemaFile();
    expect(file).toMatch(/schema[\\/]run-config\.schema\.json$/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(runConfigJsonSchema());
  });
});

/**
 * Compiles a simple JSON path (`$.output.text`, `$.choices[0].text`) into a getter.
 *
 * @remarks
 * Only member (`.name`) and index (`[n]`) steps are supported: enough to point at a field,
 * with no filters or wildcards to misread. A missing step yields `undefined`.
 *
 * @param path - a path starting with `$`
 * @returns a function reading that path from a parsed JSON value
 * @throws Error when the path has another syntax (the config schema rejects those first)
 * @example
 * ```ts
 * compileJsonPath('$.output[0].text')({ output: [{ text: 'hi' }] }); // 'hi'
 * ```
 */
export function compileJsonPath(path: string): (value: unknown) => unknown {
  const steps: Array<string | number> = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]/y;
  re.lastIndex = 1;
  if (!path.startsWith('$')) throw new Error(`JSON path '${path}' must start with '$'.`);
  while (re.lastIndex < path.length) {
    const m = re.exec(path);
    if (m === null)
      throw new Error(`JSON path '${path}' has an unsupported step at ${re.lastIndex}.`);
    steps.push(m[1] !== undefined ? m[1] : Number(m[2]));
  }
  return (value: unknown): unknown => {
    let current = value;
    for (const step of steps) {
      if (current === null || typeof current !== 'object') return undefined;
      current = (current as Record<string | number, unknown>)[step];
    }
    return current;
  };
}

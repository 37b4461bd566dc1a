import type { DryRunJudge, DryRunModel, DryRunPlan, DryRunReport } from '@assay/eval';

/** `1234567` as `1,234,567`. */
const n = (x: number): string => x.toLocaleString('en-US');

/** `1 item`, `2 items`. */
const plural = (x: number, word: string): string => `${n(x)} ${word}${x === 1 ? '' : 's'}`;

/** Dollars with enough digits to show a small bill. */
function usd(x: number): string {
  return `$${x >= 1 ? x.toFixed(2) : x.toPrecision(3)}`;
}

/**
 * Why a prompt setting has fewer distinct prompts than predictions, in words, e.g.
 * `300 items, 900 predictions, 289 distinct prompts: 600 predictions ask an item again …`.
 */
export function duplicatesLine(p: DryRunPlan): string {
  const each = p.samples > 1 ? ` (${p.samples} samples per item)` : '';
  const head = `${plural(p.items, 'item')}, ${plural(p.predictions, 'prediction')}${each}, ${plural(p.distinctPrompts, 'distinct prompt')}${p.samples > 1 ? `, each asked ${p.samples} times` : ''}`;
  const causes: string[] = [];
  if (p.sameItemAgain > 0) {
    const why =
      p.fewShot === 0
        ? 'a zero-shot prompt does not depend on the fold'
        : 'the same few-shot examples were drawn';
    causes.push(
      `${plural(p.sameItemAgain * p.samples, 'prediction')} ask an item again with the prompt it had in another fold or repeat (${why})`,
    );
  }
  if (p.sameTextAsAnotherItem > 0) {
    causes.push(
      `${plural(p.sameTextAsAnotherItem, 'item')} have the same prompt text as another item (duplicate inputs in the data)`,
    );
  }
  return causes.length === 0 ? head : `${head}: ${causes.join('; ')}`;
}

/** Where a model's answers would come from, worded like the run summary's line. */
function requestsLine(m: DryRunModel): string {
  return `  ${m.name}: ${n(m.requests)} requests: ${n(m.toSend)} would be sent, ${n(m.resumed)} resumed from the journal, ${n(m.cached)} served from the cache`;
}

/** The estimated tokens and cost of what a model would be sent. */
function estimateLine(m: DryRunModel): string {
  const e = m.estimate;
  const counted =
    e.tokenCounting === 'estimate'
      ? 'estimated as characters / 4'
      : `counted with ${e.tokenCounting}`;
  const input = `≈ ${n(e.inputTokens)} input tokens (${counted})`;
  const output =
    e.maxOutputTokens === null
      ? 'output tokens unbounded (params.maxTokens is not set)'
      : `at most ${n(e.maxOutputTokens)} output tokens (${n(e.maxTokensPerRequest!)} per request)`;
  let cost: string;
  if (e.price === null) cost = 'cost unknown: no price for this model (set `price`)';
  else if (e.maxOutputTokens === null)
    cost = `cost ${e.tokenCounting === 'estimate' ? '≈' : '≥'} ${usd(e.costUsd!)} for the input alone`;
  // characters / 4 is no bound: e-mails with headers ran 1.4x more tokens (a trial paid 35% more)
  else if (e.tokenCounting === 'estimate')
    cost = `cost ≈ ${usd(e.costUsd!)} with the most output (the input tokens estimated: the service's count may be higher)`;
  else cost = `cost ≤ ${usd(e.costUsd!)}`;
  const price =
    e.price === null
      ? ''
      : ` at ${e.price.inputPerMTok} / ${e.price.outputPerMTok} USD per 1M input / output tokens`;
  return `    to send: ${input}, ${output}; ${cost}${price}`;
}

/** The judge's grading requests, which come after the answers and are not in the estimates. */
function judgeLine(j: DryRunJudge): string {
  const per = [
    j.mode === 'pairwise' ? "one per pair of the two models' answers" : 'one per answer',
    ...(j.repeats > 1 ? [`per repeat (${j.repeats})`] : []),
    ...(j.mode === 'pairwise' ? ['per order'] : []),
  ].join(', ');
  return `  judge ${j.client} (${j.mode}): at most ${plural(j.maxRequests, 'grading request')} after the answers (${per}; journaled, so a resumed run pays none twice), not counted in the requests and cost above`;
}

/** One rendered prompt, each message under its role; its fold (from 1) only when there are several. */
function promptBlock(
  p: DryRunPlan['firstPrompts'][number],
  index: number,
  of: number,
  folded: boolean,
): string[] {
  const fold = folded ? `, fold ${p.fold + 1}` : '';
  const lines = [
    '',
    `--- prompt ${index + 1} of ${n(of)}: item ${p.item}${fold}, prompt_hash ${p.hash}`,
  ];
  for (const m of p.messages) lines.push(`[${m.role}]`, m.content);
  return lines;
}

/**
 * The text `assay run --dry-run` prints: the plan, per prompt setting the predictions, distinct
 * prompts and why they coincide, per model where each answer would come from with the
 * estimated tokens and cost, then the first prompts rendered.
 *
 * @param r - the dry run's report
 * @returns the text, ending with a new line
 * @example
 * process.stdout.write(dryRunText(await dryRun(config)));
 */
export function dryRunText(r: DryRunReport): string {
  const lines = [
    `Dry run of '${r.name}': nothing was sent and no file was written.`,
    `Data: ${plural(r.items, 'item')} from ${r.dataset}; evaluation ${r.method}, ${plural(r.folds, 'fold')}.`,
    ...(r.stop === null
      ? []
      : [
          `Stopping rule '${r.stop.when}' (first check after ${plural(r.stop.minItems, 'item')}, then every ${n(r.stop.checkEvery)}): a run stops sending once it holds, so it may send less than counted below.`,
        ]),
    ...r.warnings.map((w) => `warning: ${w}`),
    `Output directory: ${r.outputDir}`,
    `Journal: ${r.journal ?? (r.fresh ? 'discarded by --fresh' : 'none (nothing to resume)')}; response cache: ${r.cache ?? 'none'}.`,
    '',
    'Prompts (each distinct prompt is one request per model and sample):',
  ];
  for (const p of r.plans) lines.push(`  ${p.models.join(', ')}: ${duplicatesLine(p)}`);
  lines.push('', 'Requests:');
  for (const m of r.models) lines.push(requestsLine(m), estimateLine(m));
  if (r.judge !== null) lines.push(judgeLine(r.judge));
  r.models.forEach((m, i) => {
    if (m.missingApiKeyEnv === undefined) return;
    lines.push(
      `  note: ${m.name}: the environment variable ${m.missingApiKeyEnv} (models[${i}].apiKeyEnv) ${m.apiKeyEnvEmpty ? 'is set but empty' : 'is not set'}; a run that sends requests needs it.`,
    );
  });
  lines.push(
    '',
    'Input tokens are the messages text (the chat template adds a few per message); output tokens are bounded by params.maxTokens.',
  );
  for (const p of r.plans) {
    if (p.firstPrompts.length === 0) continue;
    lines.push('', `First ${plural(p.firstPrompts.length, 'prompt')} of ${p.models.join(', ')}:`);
    p.firstPrompts.forEach((prompt, i) => {
      lines.push(...promptBlock(prompt, i, p.distinctPrompts, r.folds > 1));
    });
  }
  return `${lines.join('\n')}\n`;
}

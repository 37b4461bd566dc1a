import type { ProviderKind } from '@assay/clients';

/** The providers `assay init --provider` writes a starter for: every provider of `@assay/clients`. */
export const INIT_PROVIDERS: readonly ProviderKind[] = [
  'openai-chat',
  'openai-completions',
  'anthropic',
  'http-json',
];

/** The provider `assay init` writes without `--provider`. */
export const DEFAULT_INIT_PROVIDER: ProviderKind = 'openai-chat';

/** The environment variable each starter reads its API key from. */
export const API_KEY_ENV: Readonly<Record<ProviderKind, string>> = {
  'openai-chat': 'OPENAI_API_KEY',
  'openai-completions': 'OPENAI_API_KEY',
  anthropic: 'ANTHROPIC_API_KEY',
  'http-json': 'MODEL_API_KEY',
};

/** The data file the starters name: a placeholder until the user sets `dataset.path`. */
export const STARTER_DATASET_PATH = 'data.jsonl';

/** The starter's `dataset.path` line as written, TODO mark and all. */
export const STARTER_DATASET_LINE = `path: ${STARTER_DATASET_PATH} # TODO: your data file; a relative path resolves against this file`;

const KEY_COMMENT = '# read from this environment variable; never written to any file';

/** The task kinds `assay init --task` writes a starter for. */
export const INIT_TASKS = ['classification', 'generation'] as const;

/** A task kind `assay init` writes. */
export type InitTask = (typeof INIT_TASKS)[number];

const MAX_TOKENS_LINE = '@@MAX_TOKENS@@';

/** How each starter's model is named (`models[0].name`), also the last part of the run's name. */
const MODEL_NAMES: Readonly<Record<ProviderKind, string>> = {
  'openai-chat': 'gpt-4o-mini',
  'openai-completions': 'instruct',
  anthropic: 'claude-haiku',
  'http-json': 'my-service',
};

/** The file stem that says nothing of the run: `assay init`'s default file, `assay.yaml`. */
const DEFAULT_STEM = 'assay';

const OPENAI_PARAMS = `    params:
      temperature: 0 # the most likely answer, and one cache entry per prompt
${MAX_TOKENS_LINE}
      # logprobs: true # token probabilities, for roc_auc and log_loss (binary tasks)`;

/** The `models:` entry of each starter, indented as a list item. */
const MODEL_BLOCKS: Readonly<Record<ProviderKind, string>> = {
  'openai-chat': `  - name: ${MODEL_NAMES['openai-chat']} # how the reports name this model
    provider: openai-chat # POST <baseUrl>/chat/completions
    # any OpenAI-compatible server works too (vLLM, llama.cpp, Ollama): e.g. http://127.0.0.1:8000/v1,
    # and remove apiKeyEnv when it needs no key
    baseUrl: https://api.openai.com/v1
    model: gpt-4o-mini
    apiKeyEnv: ${API_KEY_ENV['openai-chat']} ${KEY_COMMENT}
${OPENAI_PARAMS}`,
  'openai-completions': `  - name: ${MODEL_NAMES['openai-completions']} # how the reports name this model
    provider: openai-completions # POST <baseUrl>/completions, the prompt as one text
    # any OpenAI-compatible server works too (vLLM, llama.cpp): e.g. http://127.0.0.1:8000/v1,
    # and remove apiKeyEnv when it needs no key
    baseUrl: https://api.openai.com/v1
    model: gpt-3.5-turbo-instruct
    apiKeyEnv: ${API_KEY_ENV['openai-completions']} ${KEY_COMMENT}
${OPENAI_PARAMS}`,
  anthropic: `  - name: ${MODEL_NAMES.anthropic} # how the reports name this model
    provider: anthropic # POST <baseUrl>/messages
    baseUrl: https://api.anthropic.com/v1
    model: claude-3-5-haiku-latest
    apiKeyEnv: ${API_KEY_ENV.anthropic} ${KEY_COMMENT}
    params:
      temperature: 0 # the most likely answer, and one cache entry per prompt
${MAX_TOKENS_LINE}`,
  'http-json': `  - name: ${MODEL_NAMES['http-json']} # how the reports name this model
    provider: http-json # any JSON API: the request body and the answer's place are yours to say
    baseUrl: http://127.0.0.1:8080 # TODO: your service
    requestPath: /generate # appended to baseUrl
    model: my-model # fills {{model}}; also names the model in the journal
    # sent as "authorization: Bearer <key>" (see apiKeyHeader, apiKeyPrefix); remove if no key is needed
    apiKeyEnv: ${API_KEY_ENV['http-json']} ${KEY_COMMENT}
    # The request body (here: Hugging Face TGI's /generate). {{prompt}} is the rendered prompt;
    # also {{messages}}, {{model}}, {{temperature}}, {{maxTokens}}, {{topP}}, {{stop}}, {{seed}}.
    template:
      inputs: "{{prompt}}"
      parameters:
        max_new_tokens: "{{maxTokens}}"
    # Where the answer (and, if the service reports them, token counts) is in the response.
    paths:
      text: $.generated_text
      outputTokens: $.details.generated_tokens
    params:
${MAX_TOKENS_LINE}`,
};

/** The sections of a starter that depend on its task. */
interface TaskSections {
  readonly dataset: string;
  readonly task: string;
  readonly prompt: string;
  readonly maxTokens: string;
  readonly afterModels: string;
  readonly evaluation: string;
  readonly thresholds: string;
}

const CLASSIFICATION: TaskSections = {
  dataset: `# The items to evaluate on: a file of labelled items, JSONL, JSON array, CSV, Arrow IPC or
# Parquet (by extension). To try assay first, replace path and columns with
# "builtin: spam-assassin" (the labels with [spam, ham] and positiveLabel with spam).
dataset:
  ${STARTER_DATASET_LINE}
  columns:
    text: text # the column that fills {{text}} in the prompt; every column is a {{slot}}
    label: label # the gold answer; a prompt that would show it to the model is refused
  # limit: 200 # a seeded, stratified sample: cheaper while you try things out`,
  task: `# What the model is asked to do: pick one of the labels (also: regression, generation).
task:
  type: classification
  labels: [positive, negative] # TODO: your labels, spelled as in the data
  positiveLabel: positive # TODO: one of your labels, the class precision, recall, f1 and roc_auc are about
  answer:
    # the one label the answer names; an answer naming several, or a negated one, is unparseable
    extract: first-label`,
  prompt: `# The prompt sent for each item; {{column}} slots are filled from the item.
prompt:
  system: You are a careful annotator. Answer with one label only.
  template: |- # TODO: name your labels
    Classify the following text as positive or negative.

    {{text}}
  # fewShot: { count: 4 } # solved examples, drawn from the training part of each fold`,
  maxTokens: '      maxTokens: 8 # a label is short; a low cap keeps cost and latency down',
  afterModels: '',
  evaluation: `# Which metrics are reported and how sure they are.
evaluation:
  metrics: [accuracy, f1_macro] # scikit-learn scorer names, as in assay score
  bootstrap: 1000 # resamples of the items behind each confidence interval
  ci: 0.95 # confidence level of the intervals
  # cross-validation (method, k) pays off when the prompt learns from training items (fewShot)`,
  thresholds: `# Pass or fail: assay run exits 1 when a threshold fails, for CI.
# Gate the quality too: a gate on the service alone passes a model that answers one label.
thresholds:
  - f1_macro >= 0.8 # set the quality you need (f1_macro.ci_low >= 0.8 to be sure of it)
  - error_rate <= 0.05 # at most 5% failed requests`,
};

const GENERATION: TaskSections = {
  dataset: `# The items to evaluate on: a file of inputs and reference answers, JSONL, JSON array, CSV,
# Arrow IPC or Parquet (by extension). To try assay first, replace path and columns with
# "builtin: spam-assassin-subjects" (e-mail bodies; the reference is the real Subject line).
dataset:
  ${STARTER_DATASET_LINE}
  columns:
    text: text # the column that fills {{text}} in the prompt; every column is a {{slot}}
    # the reference answer (in JSON and JSONL, an array of strings for several); a prompt
    # that would show it to the model is refused
    reference: reference
  # limit: 200 # a seeded sample: cheaper while you try things out`,
  task: `# What the model is asked to do: write text, scored against the item's references.
task:
  type: generation
  # exact_match and token_f1 (SQuAD-normalized), BLEU, chrF and ROUGE-L (sacrebleu and
  # rouge-score exact); also ter, rouge1, rougeLsum, levenshtein_similarity, and per-answer
  # checks: includes, pattern, json_valid, json_schema, numeric_match
  scorers: [exact_match, token_f1, bleu, chrf, rougeL]
  extract:
    - take-first # score the answer's first non-empty line; remove the step to score it whole
  # samples: 5 # ask each item 5 times (set a temperature above 0), reduced by:
  # reducer: mean # mean | majority | max | pass@k`,
  prompt: `# The prompt sent for each item; {{column}} slots are filled from the item.
prompt:
  system: You are a helpful assistant. Answer in one line.
  template: |- # TODO: your instruction
    Summarize the following text in one sentence.

    {{text}}`,
  maxTokens: '      maxTokens: 256 # room for the answer; a cap keeps cost and latency down',
  afterModels: `
# An LLM that grades every answer against the first reference (metric judge_score); any
# client, or the name of a models entry. Modes: closedqa | factuality | rubric | pairwise.
# judge:
#   client: gpt-4o-mini
#   mode: closedqa
`,
  evaluation: `# How sure the figures are: every interval resamples items.
evaluation:
  bootstrap: 1000 # resamples of the items behind each confidence interval
  ci: 0.95 # confidence level of the intervals`,
  thresholds: `# Pass or fail: assay run exits 1 when a threshold fails, for CI.
# Gate the quality too: a gate on the service alone passes a model that writes nonsense.
thresholds:
  - token_f1 >= 0.5 # set the quality you need (token_f1.ci_low >= 0.5 to be sure of it)
  - error_rate <= 0.05 # at most 5% failed requests`,
};

/**
 * The run name a starter writes: the file's stem (left out for the default `assay.yaml`), the
 * task and the model, so that two starters never share `assay-out/<name>` by default, where
 * the second run would meet the first one's journal and results (all were `my-eval` once).
 *
 * @param provider - the model's provider
 * @param fileName - the configuration's own file name
 * @param task - the task kind
 * @returns e.g. `classification-gpt-4o-mini`, or `reviews-generation-claude-haiku` for
 *   `reviews.yaml`
 * @example
 * starterName('anthropic', 'reviews.yaml', 'generation'); // 'reviews-generation-claude-haiku'
 */
export function starterName(provider: ProviderKind, fileName: string, task: InitTask): string {
  const stem = fileName
    .replace(/\.[^.]*$/, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  const named = stem === '' || stem.toLowerCase() === DEFAULT_STEM ? [] : [stem];
  // `generation.yaml` names its task already
  const tasked = stem.toLowerCase().includes(task) ? [] : [task];
  return [...named, ...tasked, MODEL_NAMES[provider]].join('-');
}

/**
 * The text of a starter `assay run` configuration: YAML with a comment on every section, a
 * data set stub, a classification or generation task, a prompt, one model of the given
 * provider that reads its key from an environment variable, and `$schema` naming the JSON
 * Schema for editors.
 *
 * @param provider - the model's provider
 * @param schemaRef - the JSON Schema's path relative to the file (or a URL)
 * @param fileName - the configuration's own file name, for the `assay run` hint
 * @param task - the task kind (default `classification`)
 * @returns the YAML text; it validates once `dataset.path` names a file of `text` and
 *   `label` (classification) or `reference` (generation) columns
 * @example
 * writeFileSync('assay.yaml', starterConfig('anthropic', './schema.json', 'assay.yaml'));
 */
export function starterConfig(
  provider: ProviderKind,
  schemaRef: string,
  fileName: string,
  task: InitTask = 'classification',
): string {
  const t = task === 'generation' ? GENERATION : CLASSIFICATION;
  let model = MODEL_BLOCKS[provider].replace(MAX_TOKENS_LINE, t.maxTokens);
  if (task === 'generation') model = model.replace(/\n\s*# logprobs:[^\n]*/, '');
  const flags = task === 'classification' ? '' : ` --task ${task}`;
  return `# yaml-language-server: $schema=${schemaRef}
#
# An assay run configuration, written by \`assay init --provider ${provider}${flags}\`.
# Every key is described in the JSON Schema named by $schema: an editor with YAML support
# (e.g. VS Code with the YAML extension) shows that help and completes keys and values.
# Fill in the lines marked TODO, then: assay run ${fileName}
$schema: ${JSON.stringify(schemaRef)}

# The run's name: reports show it; outputs go to assay-out/<name> unless output.dir is set.
# assay-out, like a relative output.dir, is relative to the directory you run assay from, not
# to this file (dataset.path, below, resolves against this file's directory). Keep one name per
# configuration: a run into a directory holding a run on another data set is refused.
name: ${starterName(provider, fileName, task)}

${t.dataset}

${t.task}

${t.prompt}

# The models to evaluate on the same items; two or more are also compared pairwise.
models:
${model}
    concurrency:
      max: 8 # requests in flight at once; mind the service's rate limits
    # price: { inputPerMTok: 0.15, outputPerMTok: 0.6 } # USD per million tokens, for cost figures
${t.afterModels}
${t.evaluation}

${t.thresholds}
`;
}

/** What `assay-model-server --help` prints, and what follows a flag it does not know. */
export const USAGE = `Usage: assay-model-server [options]

A SpamAssassin Naive Bayes spam filter behind an OpenAI-compatible API, with two
generative chat models beside it: assay-subject-extractive (writes an e-mail's subject
line by TF-IDF sentence extraction) and assay-overlap-judge (grades closedqa prompts
by token F1, a lexical stand-in for an LLM judge).

Options:
  --port <n>             port (default 8377; 0 = any free port)
  --host <addr>          interface (default 127.0.0.1)
  --model-name <name>    id of the spam filter (default assay-spam-nb)
  --model-cache <path>   read the trained model from / write it to this JSON file
  --groups <list>        training groups of the spam filter, comma-separated (default easy-ham-1,hard-ham-1,spam-1)
  --seed <n>             seed of the fault RNG and of unseeded sampling (default 1)
  --fault <spec>         server-wide faults, same grammar as the x-assay-fault header,
                         e.g. "status=429;retry-after=1;rate=0.1"
  --latency <spec>       added latency: <ms> or lognormal:<median-ms>:<sigma>
  --token-delay <ms>     delay between streamed tokens
  --error-rate <p>       probability of an injected error (default kind status=503)
  --batch-slots <n>      batching engine simulator: sequences decoded at once (the rest
                         wait in a FIFO queue); with max_tokens n and ignore_eos, capacity
                         (requests/s) = slots / ((n + prefill steps) x step), where
                         prefill steps = ceil(prompt tokens / prefill-tps / step in seconds)
                         (0 without --prefill-tps)
  --step-ms <ms>         engine decode step: one token per decoding sequence (default 20)
  --prefill-tps <t>      engine prompt tokens per second before a first token (default: instant)
  -h, --help             show this help
`;

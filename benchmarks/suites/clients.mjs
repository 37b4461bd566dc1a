// @assay/clients throughput against the model server (zero latency, loopback), in the same run
// as its peers: autocannon (raw HTTP load generator) for requests/s and CPU per request, and
// the official `openai` SDK for SSE streaming.
// The model server runs in a child process so this process's CPU is the client's alone.
// Run: pnpm --filter @assay/clients build && node benchmarks/suites/clients.mjs
// BENCH_CLIENT_REQUESTS=5000 shrinks the request count for a quick look.
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(import.meta.url);

if (process.argv[2] === '--server') {
  const { startModelServer } = await import('@assay/model-server');
  const server = await startModelServer({ port: 0 });
  process.send?.({ baseUrl: server.baseUrl, url: server.url });
  process.on('message', async (m) => {
    if (m === 'stats') process.send?.({ stats: server.stats() });
    if (m === 'close') {
      await server.close();
      process.exit(0);
    }
  });
} else {
  await main();
}

async function main() {
  const autocannon = (await import('autocannon')).default;
  const { createClient } = await import('@assay/clients');
  // The openai SDK is a devDependency of @assay/clients (its compatibility peer).
  const clientsRequire = createRequire(
    join(dirname(here), '..', '..', 'packages', 'clients', 'package.json'),
  );
  const OpenAI = (await import(pathToFileURL(clientsRequire.resolve('openai')).href)).default;
  // undici alone (the transport under @assay/clients) shows what the client layer itself costs.
  const { Pool } = await import(pathToFileURL(clientsRequire.resolve('undici')).href);

  const N = Number(process.env.BENCH_CLIENT_REQUESTS ?? 20_000);
  const STREAM_N = Math.max(500, Math.floor(N / 10));
  const IN_FLIGHT = 64;
  const ROUNDS = 5;

  const child = fork(here, ['--server'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { baseUrl, url } = await new Promise((resolve) => child.once('message', resolve));
  const serverStats = () =>
    new Promise((resolve) => {
      child.once('message', (m) => resolve(m.stats));
      child.send('stats');
    });

  const EMAIL =
    'Subject: meeting moved\n\nHi all, the weekly sync moves to Thursday 10:00. Thanks, Dana';
  const messages = [{ role: 'user', content: EMAIL }];
  const body = JSON.stringify({ model: 'assay-spam-nb', messages });

  // One client for the whole run, as `assay run` uses one per model (its pool stays warm).
  const client = createClient({
    provider: 'openai-chat',
    baseUrl,
    model: 'assay-spam-nb',
    benchmarkMode: true,
    concurrency: { max: IN_FLIGHT },
  });

  async function runOurs(n) {
    let next = 0;
    let failures = 0;
    let timestamps = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < n) {
          next++;
          try {
            const c = await client.complete({ messages });
            if (c.record.endAt !== undefined && c.record.headersAt !== undefined) timestamps++;
          } catch {
            failures++;
          }
        }
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { rps: n / wall, cpuUsPerReq: (cpu.user + cpu.system) / n, failures, timestamps };
  }

  const rawPool = new Pool(url, { connections: IN_FLIGHT, pipelining: 1 });
  async function runUndici(n) {
    let next = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < n) {
          next++;
          const res = await rawPool.request({
            path: '/v1/chat/completions',
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body,
          });
          JSON.parse(await res.body.text());
        }
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { rps: n / wall, cpuUsPerReq: (cpu.user + cpu.system) / n };
  }

  async function runAutocannon(n) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = await autocannon({
      url: `${url}/v1/chat/completions`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      connections: IN_FLIGHT,
      pipelining: 1,
      amount: n,
    });
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const done = result.requests.total;
    return {
      rps: done / wall,
      cpuUsPerReq: (cpu.user + cpu.system) / done,
      failures: result.non2xx + result.errors,
    };
  }

  const STREAM_HEADERS = { 'x-assay-explain': '1' };
  // A wordy e-mail gives the longest explained answers (label + up to 8 evidence features).
  const longMessages = [
    {
      role: 'user',
      content:
        'Subject: URGENT winner notification\n\nCongratulations! Your email address won the international lottery ' +
        'jackpot of $4,500,000 USD. Claim your cash prize now: send your bank account, credit card number and ' +
        'password to our claims agent. Limited time offer, act now, click here to unsubscribe. Free viagra, cheap ' +
        'meds, mortgage refinance at lowest rates, guaranteed income working from home, no credit check.',
    },
  ];

  const streamClient = createClient({
    provider: 'openai-chat',
    baseUrl,
    model: 'assay-spam-nb',
    benchmarkMode: true,
    streaming: true,
    concurrency: { max: IN_FLIGHT },
  });
  async function runOursStream(n) {
    let next = 0;
    let events = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < n) {
          next++;
          const c = await streamClient.complete({
            messages: longMessages,
            headers: STREAM_HEADERS,
          });
          events += c.record.contentChunkTimes.length;
        }
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    await client.close();
    return {
      eventsPerS: events / wall,
      cpuUsPerEvent: (cpu.user + cpu.system) / events,
      eventsPerReq: events / n,
    };
  }

  async function runSdkStream(n) {
    const sdk = new OpenAI({
      baseURL: baseUrl,
      apiKey: 'unused',
      maxRetries: 0,
      defaultHeaders: STREAM_HEADERS,
    });
    let next = 0;
    let events = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < n) {
          next++;
          const stream = await sdk.chat.completions.create({
            model: 'assay-spam-nb',
            messages: longMessages,
            stream: true,
            stream_options: { include_usage: true },
          });
          for await (const chunk of stream) {
            if (chunk.choices[0]?.delta?.content) {
              performance.now();
              events++;
            }
          }
        }
      }),
    );
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { eventsPerS: events / wall, cpuUsPerEvent: (cpu.user + cpu.system) / events };
  }

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fmt = (x, d = 0) =>
    x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

  // Warm both paths (JIT, connections, server caches).
  await runOurs(Math.min(N, 5000));
  await runUndici(Math.min(N, 5000));
  await runAutocannon(Math.min(N, 5000));

  console.log(
    `requests/s, ${IN_FLIGHT} in flight, ${N} requests per round, ${ROUNDS} rounds (interleaved), median:`,
  );
  const ours = [];
  const peer = [];
  const raw = [];
  for (let r = 0; r < ROUNDS; r++) {
    ours.push(await runOurs(N));
    raw.push(await runUndici(N));
    peer.push(await runAutocannon(N));
  }
  const oursRps = median(ours.map((x) => x.rps));
  const peerRps = median(peer.map((x) => x.rps));
  const oursCpu = median(ours.map((x) => x.cpuUsPerReq));
  const peerCpu = median(peer.map((x) => x.cpuUsPerReq));
  const failures =
    ours.reduce((s, x) => s + x.failures, 0) + peer.reduce((s, x) => s + x.failures, 0);
  console.log(
    `  @assay/clients  ${fmt(oursRps)} req/s   ${fmt(oursCpu, 1)} µs CPU/request (client process)`,
  );
  console.log(`  autocannon      ${fmt(peerRps)} req/s   ${fmt(peerCpu, 1)} µs CPU/request`);
  console.log(
    `  undici alone    ${fmt(median(raw.map((x) => x.rps)))} req/s   ${fmt(median(raw.map((x) => x.cpuUsPerReq)), 1)} µs CPU/request (pool.request + JSON.parse, no policies or record)`,
  );
  // Paired rounds ran back to back, so their ratio cancels most of the machine's drift.
  const ratios = ours.map((x, i) => x.rps / peer[i].rps);
  const rawRatios = ours.map((x, i) => x.rps / raw[i].rps);
  console.log(
    `  ratio (ours / undici alone), median of paired rounds: ${fmt(median(rawRatios), 2)} (rounds: ${rawRatios.map((r) => fmt(r, 2)).join(', ')})`,
  );
  console.log(
    `  ratio (ours / autocannon), median of paired rounds: ${fmt(median(ratios), 2)} (rounds: ${ratios.map((r) => fmt(r, 2)).join(', ')}; target ≥ 0.90)`,
  );
  console.log(
    `  CPU ratio (ours / autocannon): ${fmt(oursCpu / peerCpu, 2)}; failures: ${failures}`,
  );

  await runOursStream(200);
  await runSdkStream(200);
  console.log(
    `\nSSE content events/s (x-assay-explain answers), ${IN_FLIGHT} in flight, ${STREAM_N} streams per round:`,
  );
  const oursS = [];
  const peerS = [];
  for (let r = 0; r < ROUNDS; r++) {
    oursS.push(await runOursStream(STREAM_N));
    peerS.push(await runSdkStream(STREAM_N));
  }
  const oursEps = median(oursS.map((x) => x.eventsPerS));
  const peerEps = median(peerS.map((x) => x.eventsPerS));
  const streamRatios = oursS.map((x, i) => x.eventsPerS / peerS[i].eventsPerS);
  console.log(
    `  @assay/clients  ${fmt(oursEps)} events/s   ${fmt(median(oursS.map((x) => x.cpuUsPerEvent)), 2)} µs CPU/event (${fmt(oursS[0].eventsPerReq, 1)} events/stream, every one timestamped)`,
  );
  console.log(
    `  openai SDK      ${fmt(peerEps)} events/s   ${fmt(median(peerS.map((x) => x.cpuUsPerEvent)), 2)} µs CPU/event`,
  );
  console.log(
    `  ratio (ours / openai SDK), median of paired rounds: ${fmt(median(streamRatios), 2)}`,
  );
  const stats = await serverStats();
  console.log(`\nserver handled ${stats.requests} requests`);
  await Promise.all([client.close(), streamClient.close(), rawPool.close()]);
  child.send('close');
}

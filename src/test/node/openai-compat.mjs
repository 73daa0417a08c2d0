// Checks that the official `openai` npm client reads the LLM simulator without errors.
// Usage: NODE_PATH=<folder holding openai> node openai-compat.mjs <base URL, e.g. http://127.0.0.1:8090/v1>
// Exits 0 when every check passes, 1 when one fails, 2 when the package is missing.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

let OpenAI;
let version;
try {
  const module = require('openai');
  OpenAI = module.OpenAI ?? module.default ?? module;
  version = require('openai/version').VERSION;
} catch (error) {
  console.error(`openai-compat: the openai npm package is not installed where NODE_PATH points `
    + `(${process.env.NODE_PATH ?? 'unset'}): ${error.message}`);
  process.exit(2);
}

const baseURL = process.argv[2];
if (!baseURL) {
  console.error('openai-compat: give the base URL, e.g. http://127.0.0.1:8090/v1');
  process.exit(2);
}

const KNOWLEDGE = [
  'Returns are accepted within 30 days of delivery.',
  'Items must be unused and in their original packaging.',
  'Refunds are issued to the original payment method within 5 business days.',
];
const messages = [
  {
    role: 'system',
    content: 'Answer from the knowledge only.\n<<<chunk id=returns-1>>>\n' + KNOWLEDGE.join(' ') + '\n<<<end>>>',
  },
  { role: 'user', content: 'Hello!\nHow many days do I have to return an item?' },
];

const client = new OpenAI({ baseURL, apiKey: process.env.LLMSIM_API_KEY ?? 'sk-llmsim', maxRetries: 0, timeout: 30_000 });

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

function checkUsage(usage, where) {
  check(usage && Number.isInteger(usage.prompt_tokens) && usage.prompt_tokens > 0, `${where}: prompt_tokens missing`);
  check(Number.isInteger(usage.completion_tokens) && usage.completion_tokens > 0, `${where}: completion_tokens missing`);
  check(usage.total_tokens === usage.prompt_tokens + usage.completion_tokens, `${where}: total_tokens is not the sum`);
}

function checkGrounded(text, where) {
  check(typeof text === 'string' && text.trim().length > 0, `${where}: empty answer`);
  check(KNOWLEDGE.some((sentence) => text.includes(sentence)), `${where}: no knowledge sentence quoted in: ${text}`);
}

async function nonStreaming() {
  const { data, response } = await client.chat.completions
    .create({ model: 'gpt-4o-mini', messages, max_tokens: 400 })
    .withResponse();
  check(data.object === 'chat.completion', `non-streaming: object is ${data.object}`);
  check(response.headers.get('x-llmsim-request-id') === data.id, 'non-streaming: id differs from x-llmsim-request-id');
  const choice = data.choices[0];
  check(choice.message.role === 'assistant', 'non-streaming: role is not assistant');
  check(['stop', 'length'].includes(choice.finish_reason), `non-streaming: finish_reason ${choice.finish_reason}`);
  checkGrounded(choice.message.content, 'non-streaming');
  checkUsage(data.usage, 'non-streaming');
  return `non-streaming ${data.usage.completion_tokens} tokens`;
}

async function streaming() {
  const stream = await client.chat.completions.create({
    model: 'gpt-4o', messages, max_tokens: 400, stream: true, stream_options: { include_usage: true },
  });
  let text = '';
  let usage = null;
  let finish = null;
  let chunks = 0;
  for await (const chunk of stream) {
    chunks++;
    check(chunk.object === 'chat.completion.chunk', `streaming: object is ${chunk.object}`);
    usage = chunk.usage ?? usage;
    for (const choice of chunk.choices) {
      text += choice.delta?.content ?? '';
      finish = choice.finish_reason ?? finish;
    }
  }
  check(chunks > 3, `streaming: only ${chunks} chunks`);
  check(['stop', 'length'].includes(finish), `streaming: finish_reason ${finish}`);
  checkGrounded(text, 'streaming');
  checkUsage(usage, 'streaming');
  return `streaming ${chunks} chunks, ${usage.completion_tokens} tokens`;
}

async function streamHelper() {
  // the client's own accumulator checks the chunk sequence more strictly than a plain loop
  const runner = client.chat.completions.stream({
    model: 'gpt-3.5-turbo', messages, max_tokens: 400, stream_options: { include_usage: true },
  });
  let deltas = '';
  runner.on('content', (delta) => { deltas += delta; });
  const final = await runner.finalChatCompletion();
  check(final.choices[0].message.content === deltas, 'stream helper: final content differs from the deltas');
  checkGrounded(deltas, 'stream helper');
  checkUsage(final.usage, 'stream helper');
  return 'stream helper';
}

async function badRequest() {
  try {
    await client.chat.completions.create({ model: 'gpt-4o', messages: [] });
  } catch (error) {
    check(error instanceof OpenAI.BadRequestError, `bad request: got ${error.constructor.name}: ${error.message}`);
    check(error.status === 400 && error.type === 'invalid_request_error', `bad request: ${error.status} ${error.type}`);
    return 'bad request';
  }
  throw new Error('bad request: an empty messages array was accepted');
}

try {
  const passed = [];
  for (const step of [nonStreaming, streaming, streamHelper, badRequest]) {
    passed.push(await step());
  }
  console.log(`openai-compat: ok with openai ${version} on node ${process.versions.node}: ${passed.join('; ')}`);
} catch (error) {
  console.error(`openai-compat: FAILED with openai ${version} on node ${process.versions.node}: ${error.stack ?? error}`);
  process.exit(1);
}

// A zero-latency OpenAI-compatible upstream for scripts/bench-serve: answers every
// POST /v1/chat/completions at once with a fixed completion, as JSON or (stream: true) as a few
// SSE chunks. Listens on 127.0.0.1 only; prints its port.
'use strict';
const http = require('http');

const id = 'chatcmpl-bench';
const text = ['The ', 'answer ', 'is ', 'forty-', 'two.'];
const usage = { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 };
const json = JSON.stringify({
    id, object: 'chat.completion', created: 0, model: 'gpt-5-nano',
    choices: [{ index: 0, message: { role: 'assistant', content: text.join('') }, finish_reason: 'stop' }],
    usage,
});
const chunk = (delta, finish, withUsage) => 'data: ' + JSON.stringify({
    id, object: 'chat.completion.chunk', created: 0, model: 'gpt-5-nano',
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...(withUsage ? { usage } : {}),
}) + '\n\n';
const sse = chunk({ role: 'assistant', content: '' }, null) +
    text.map(t => chunk({ content: t }, null)).join('') + chunk({}, 'stop', true) + 'data: [DONE]\n\n';

const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', d => { body += d; });
    req.on('end', () => {
        let stream = false;
        try { stream = JSON.parse(body).stream === true; } catch (e) { /* a plain answer */ }
        if (stream) {
            res.writeHead(200, { 'Content-Type': 'text/event-stream' });
            res.end(sse);
        } else {
            res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(json) });
            res.end(json);
        }
    });
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => console.log(server.address().port));

// The official openai npm client against `ladder serve`: runs the user turns of a plan as one
// conversation (history resent each turn, as chat clients do) and prints one JSON line per turn
// with what the client saw: content, tool calls, finish reason and the x-ladder-* headers.
// usage: node openai_client.cjs PLAN.json   (NODE_PATH must reach build/peers/node_modules)
'use strict';
const fs = require('fs');
const OpenAI = require('openai');

async function main() {
    const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
    const headers = plan.conversation ? { 'x-ladder-conversation': plan.conversation } : {};
    const messages = plan.system ? [{ role: 'system', content: plan.system }] : [];
    for (const [i, text] of plan.turns.entries()) {
        if (i < (plan.skip || 0)) { // history the client resends without asking again
            messages.push({ role: 'user', content: text }, { role: 'assistant', content: '...' });
            continue;
        }
        const base = plan.baseURLs[i % plan.baseURLs.length];
        const client = new OpenAI({ baseURL: base, apiKey: plan.apiKey || 'none', maxRetries: 0,
                                    defaultHeaders: headers });
        messages.push({ role: 'user', content: text });
        const request = { model: plan.model, messages, stream: !!plan.stream };
        const line = { turn: i + 1 };
        try {
            const { data, response } = await client.chat.completions.create(request).withResponse();
            for (const h of ['x-ladder-tier', 'x-ladder-model', 'x-ladder-escalated', 'x-ladder-reason'])
                line[h] = response.headers.get(h);
            let content = '';
            let toolCalls = 0;
            let finish = null;
            if (plan.stream) {
                for await (const chunk of data) {
                    const choice = chunk.choices[0];
                    if (!choice) continue;
                    content += choice.delta.content || '';
                    toolCalls += (choice.delta.tool_calls || []).length;
                    finish = choice.finish_reason || finish;
                }
            } else {
                const choice = data.choices[0];
                content = choice.message.content || '';
                toolCalls = (choice.message.tool_calls || []).length;
                finish = choice.finish_reason;
                line.object = data.object;
            }
            Object.assign(line, { content, tool_calls: toolCalls, finish_reason: finish });
            messages.push({ role: 'assistant', content });
        } catch (e) {
            line.status = e.status || 0;
            line.error = e.error || String(e);
            messages.pop();
        }
        process.stdout.write(JSON.stringify(line) + '\n');
    }
}

main().catch(e => { console.error(e); process.exit(1); });

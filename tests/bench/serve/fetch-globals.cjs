// Preloaded into the Portkey gateway (node --require) by scripts/bench-serve. Portkey 1.15.2
// streams by wrapping the upstream's fetch() Response in `new Response(stream, upstream)` and then
// appends its x-portkey-* headers to it. @hono/node-server (1.19 here; Portkey asks for ^1.3.3)
// replaces the global Request/Response with its own lightweight classes, whose constructor,
// given a Response as init, keeps that Response's headers object: the upstream's, which the fetch
// spec guards as "immutable", so every streamed request fails with "TypeError: immutable" (the
// same cause as Portkey-AI/gateway#1389 for plain requests). Keeping Node's own Request/Response
// (node-server's `overrideGlobalObjects: false`, which Portkey's start-server cannot be told)
// makes the new Response copy the headers, and Portkey streams.
'use strict';
const define = Object.defineProperty;
Object.defineProperty = function (target, property, descriptor) {
    if (target === globalThis && (property === 'Request' || property === 'Response'))
        return target;
    return define(target, property, descriptor);
};

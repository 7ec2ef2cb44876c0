// Preloaded into the Portkey gateway (node --require): its start-server listens on every
// interface and has no host option; the benchmark binds loopback only.
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
    if (typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0]))
        args[0] = { ...args[0], host: '127.0.0.1' };
    else if (typeof args[0] === 'number' || typeof args[0] === 'string')
        args.splice(1, typeof args[1] === 'string' ? 1 : 0, '127.0.0.1');
    return listen.apply(this, args);
};

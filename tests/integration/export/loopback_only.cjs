// Preloaded (node --require) into the Portkey gateway under test: every server the process opens
// listens on 127.0.0.1 only, whatever host the gateway asks for (it binds all interfaces by
// default). The port stays the one the gateway was given (--port=N).
'use strict';
const net = require('net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
    if (args.length > 0 && typeof args[0] === 'object' && args[0] !== null) {
        args[0] = Object.assign({}, args[0], { host: '127.0.0.1' });
        return listen.apply(this, args);
    }
    if (args.length > 0 && (typeof args[0] === 'number' || typeof args[0] === 'string')) {
        const callbacks = args.slice(1).filter((a) => typeof a === 'function');
        return listen.call(this, args[0], '127.0.0.1', ...callbacks);
    }
    return listen.apply(this, args);
};

#!/usr/bin/env node
// Starts the pinned @vercel/cosmosdb-server like its CLI does, with the package's own keep-alive
// option on. Its CLI answers every request with "connection: close", so each SDK call paid a new
// TLS handshake on both sides; real Cosmos DB keeps connections open. Usage: PORT [HOST]
"use strict";
const { createHttpsServer } = require("@vercel/cosmosdb-server");

const port = Number.parseInt(process.argv[2] ?? "8081", 10);
const host = process.argv[3] ?? "127.0.0.1";
const server = createHttpsServer({ keepAlive: true });

// Longer than the .NET client's idle timeout (1 min), so the client closes idle connections first
// and never sends on one this server has just closed.
server.keepAliveTimeout = 5 * 60 * 1000;
server.headersTimeout = server.keepAliveTimeout + 1000;
server.listen(port, host, () => console.log(`Ready to accept HTTPS connections at ${host}:${port} (keep-alive)`));

import type { Server } from 'node:http';

/** See static-server.mjs: URL prefix → folder, longest prefix first. */
export function createStaticServer(mounts: Record<string, string>): Server;

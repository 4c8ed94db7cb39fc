/** `assay serve`: the HTTP API over the same core services as the CLI (sign-in by password, API token or client certificate). */
import type { Command } from 'commander';
import { createDatasetReader } from '../../data/dataset/index.js';
import { AssayError } from '../../errors/index.js';
import { openAuditLog } from '../../governance/audit/open-audit-log.js';
import { KyselyIdentityStore } from '../../governance/identity/kysely-identity-store.js';
import { startServer } from '../../server/serve.js';
import { KyselyStore } from '../../store/kysely-store.js';
import { openStore } from '../../store/open-store.js';
import { createIo, type OutputMode } from '../output.js';

interface ServeFlags {
  host: string;
  port: string;
  tlsCert?: string;
  tlsKey?: string;
  clientCa?: string;
  optionalClientCert?: boolean;
  output: OutputMode;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (loopback by default; TLS and client certificates for anything else)')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port (0: any free port)', '5179')
    .option('--tls-cert <file>', 'server certificate (PEM)')
    .option('--tls-key <file>', 'server private key (PEM)')
    .option('--client-ca <file>', 'CA bundle for client certificates (mTLS; the certificate CN names a user)')
    .option('--optional-client-cert', 'with --client-ca: also accept clients without a certificate (they sign in by token)')
    .option('--output <mode>', 'text or json', 'text')
    .action(async (flags: ServeFlags) => {
      const io = createIo(flags.output);
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AssayError('USAGE', `--port must be 0 to 65535 (got "${flags.port}").`);
      if ((flags.tlsCert === undefined) !== (flags.tlsKey === undefined)) throw new AssayError('USAGE', 'Give --tls-cert and --tls-key together.');
      if (flags.clientCa && !flags.tlsCert) throw new AssayError('USAGE', '--client-ca needs --tls-cert and --tls-key (client certificates are a TLS feature).');
      if (!flags.tlsCert && !LOOPBACK.test(flags.host)) {
        throw new AssayError('USAGE', `Refusing to serve plain HTTP on ${flags.host}: credentials and labelled content would cross the network unencrypted.`, {
          hint: 'Give --tls-cert and --tls-key (and --client-ca for certificate login), or listen on 127.0.0.1.',
        });
      }
      const store = await openStore();
      if (!(store instanceof KyselyStore)) throw new AssayError('INTERNAL', 'assay serve needs the SQL store.');
      const audit = openAuditLog(store, { actor: 'server' });
      const server = await startServer(
        { host: flags.host, port, ...(flags.tlsCert ? { tls: { cert: flags.tlsCert, key: flags.tlsKey!, ...(flags.clientCa ? { clientCa: flags.clientCa, requireClientCert: !flags.optionalClientCert } : {}) } } : {}) },
        { store, identities: new KyselyIdentityStore({ db: store.db }), audit, datasets: createDatasetReader(store, store.cipher) },
      );
      await audit.append({ action: 'config.change', object: { type: 'server', id: server.url, label: 'UNCLASSIFIED' }, details: { event: 'start', tls: Boolean(flags.tlsCert), mtls: Boolean(flags.clientCa) } });
      io.result({ url: server.url }, () => `assay API listening on ${server.url} (Ctrl-C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await store.close();
    });
}

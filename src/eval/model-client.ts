/** Calls models for a run: per-provider concurrency, the response cache, limits, and a record of every call. */
import PQueue from 'p-queue';
import { AssayError, toAssayError } from '../errors/index.js';
import type { ModelProvider } from '../model/model-provider.js';
import type { ChatMessage, GenerateConfig, ModelOutput } from '../model/types.js';
import type { ModelCallRecord } from '../store/records.js';
import type { Store } from '../store/store.js';
import { contentHash } from '../hashing/canonical-json.js';

/** Price per million tokens, for the cost column. */
export interface Pricing {
  inputPerMTok: number;
  outputPerMTok: number;
}

export interface RoleModel {
  provider: ModelProvider;
  /** Settings applied to every call in this role (the task's `config` for the target). */
  config: GenerateConfig;
  pricing?: Pricing;
}

export interface ModelClientOptions {
  roles: Record<string, RoleModel>;
  store: Store;
  /** Most calls in flight per provider. */
  maxConnections: number;
  /** Read and write the response cache. */
  cache: boolean;
}

export interface CallCounter {
  /** Model calls that reached a provider (not served from cache). */
  live: number;
  cached: number;
}

/** Per-sample view of the client: records calls and enforces the sample's token budget. */
export interface SampleCalls {
  calls: ModelCallRecord[];
  tokens: number;
}

export class ModelClient {
  readonly counter: CallCounter = { live: 0, cached: 0 };
  private readonly queues = new Map<string, PQueue>();

  constructor(private readonly options: ModelClientOptions) {}

  hasRole(role: string): boolean {
    return role in this.options.roles;
  }

  /** Generates in `role` for one sample × epoch. */
  async generate(args: {
    role: string;
    messages: ChatMessage[];
    config?: GenerateConfig;
    epoch: number;
    sample: SampleCalls;
    signal?: AbortSignal;
  }): Promise<ModelOutput> {
    const roleModel = this.options.roles[args.role];
    if (!roleModel) {
      throw new AssayError('CONFIG_INVALID', `The task uses the model role "${args.role}", but no model is set for it.`, {
        hint: `Name one in the task's roles (roles: { ${args.role}: <provider>/<model> }) or with --model-role ${args.role}=<provider>/<model>.`,
      });
    }
    const { provider } = roleModel;
    const config: GenerateConfig = { ...roleModel.config, ...args.config };
    const messages = args.messages.map((m) => ({ role: m.role, content: m.content }));
    const key = contentHash({ provider: provider.id, identity: provider.cacheIdentity, config, messages, epoch: args.epoch });
    const started = Date.now();
    const base = {
      role: args.role,
      provider: provider.id.split('/')[0] ?? provider.id,
      model: provider.id,
      request: { messages, config: config as Record<string, unknown> },
      createdAt: new Date(started).toISOString(),
    };

    if (this.options.cache) {
      const hit = await this.options.store.cacheGet(key);
      if (hit) {
        this.counter.cached++;
        this.record(args.sample, { ...base, output: hit.output, latencyMs: Date.now() - started, cached: true }, roleModel.pricing);
        return hit.output;
      }
    }

    const queue = this.queueFor(provider.id);
    try {
      const output = await queue.add(() => provider.generate({ messages, config }, { signal: args.signal }), { signal: args.signal });
      this.counter.live++;
      this.record(args.sample, { ...base, output, latencyMs: Date.now() - started, cached: false }, roleModel.pricing);
      if (this.options.cache) {
        await this.options.store.cachePut({ key, provider: base.provider, model: provider.id, output, createdAt: new Date().toISOString() });
      }
      return output;
    } catch (err) {
      const e = toAssayError(err);
      this.counter.live++;
      this.record(args.sample, { ...base, error: `${e.code}: ${e.message}`, latencyMs: Date.now() - started, cached: false }, roleModel.pricing);
      throw e;
    }
  }

  async close(): Promise<void> {
    const seen = new Set<ModelProvider>();
    for (const r of Object.values(this.options.roles)) {
      if (seen.has(r.provider)) continue;
      seen.add(r.provider);
      await r.provider.close?.();
    }
  }

  private queueFor(id: string): PQueue {
    let q = this.queues.get(id);
    if (!q) {
      q = new PQueue({ concurrency: this.options.maxConnections });
      this.queues.set(id, q);
    }
    return q;
  }

  private record(
    sample: SampleCalls,
    call: Omit<ModelCallRecord, 'inputTokens' | 'outputTokens' | 'cost'> & { output?: ModelOutput },
    pricing: Pricing | undefined,
  ): void {
    const inputTokens = call.output?.usage.inputTokens ?? 0;
    const outputTokens = call.output?.usage.outputTokens ?? 0;
    const cost = pricing ? (inputTokens * pricing.inputPerMTok + outputTokens * pricing.outputPerMTok) / 1e6 : 0;
    sample.calls.push({ ...call, inputTokens, outputTokens, cost });
    if (call.role === 'target') sample.tokens += inputTokens + outputTokens;
  }
}

// Registry validation of -M arguments, the entry per provider kind, and what goes into id / cacheIdentity.
import { describe, expect, it } from 'vitest';
import { AssayError } from '../errors/index.js';
import { PROVIDER_KINDS, type ModelRef } from '../model/index.js';
import { createProvider, PROVIDERS } from './registry.js';

async function configError(ref: ModelRef): Promise<AssayError> {
  const err: unknown = await createProvider(ref).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AssayError)) throw new Error(`expected an AssayError, got ${String(err)}`);
  return err;
}

describe('provider registry', () => {
  it('has an entry for every provider kind', () => {
    expect(Object.keys(PROVIDERS).sort()).toEqual([...PROVIDER_KINDS].sort());
  });

  it('rejects an unknown -M key, naming it and listing the valid ones', async () => {
    const err = await configError({ provider: 'openai-compatible', model: 'x', args: { base_url: 'http://127.0.0.1:9/v1', baseurl: 'y' } });
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('-M baseurl');
    expect(err.where?.field).toBe('baseurl');
    for (const key of ['base_url', 'api_key_env', 'timeout_ms', 'max_retries']) expect(err.hint).toContain(`-M ${key}`);
  });

  it('rejects a malformed value, naming the key', async () => {
    const err = await configError({ provider: 'anthropic', model: 'x', args: { timeout_ms: 'soon' } });
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('-M timeout_ms');
    expect(err.message).toContain('whole number');
  });

  it('says when a required key is missing', async () => {
    const err = await configError({ provider: 'http', model: 'x', args: { response_path: 'output' } });
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('-M url is required');
  });

  it('checks gguf arguments without loading the gguf provider', async () => {
    const err = await configError({ provider: 'gguf', model: 'model.gguf', args: { ctx: '2048' } });
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.hint).toContain('-M context_size');
  });

  it('rejects a malformed http headers object', async () => {
    const err = await configError({ provider: 'http', model: 'x', args: { url: 'http://127.0.0.1:9/g', response_path: 'o', headers: '{"a": 1}' } });
    expect(err.message).toContain('-M headers');
  });

  it('fails when -M api_key_env names an unset variable, naming the variable only', async () => {
    const err = await configError({ provider: 'openai-compatible', model: 'x', args: { api_key_env: 'ASSAY_TEST_SURELY_UNSET_KEY' } });
    expect(err.code).toBe('CONFIG_INVALID');
    expect(err.message).toContain('ASSAY_TEST_SURELY_UNSET_KEY');
  });

  it('creates a provider whose id and cacheIdentity follow the reference', async () => {
    const a = await createProvider({ provider: 'openai-compatible', model: 'llama3', args: { base_url: 'http://user:pw@127.0.0.1:9/v1' } });
    const b = await createProvider({ provider: 'openai-compatible', model: 'llama3', args: { base_url: 'http://127.0.0.1:10/v1' } });
    expect(a.id).toBe('openai-compatible/llama3');
    expect(a.cacheIdentity).toEqual({ provider: 'openai-compatible', model: 'llama3', base_url: 'http://127.0.0.1:9/v1' });
    expect(b.cacheIdentity).not.toEqual(a.cacheIdentity);
  });

  it('keeps credential-like headers out of the http cacheIdentity', async () => {
    const provider = await createProvider({
      provider: 'http',
      model: 'in-house',
      args: { url: 'http://127.0.0.1:9/g', response_path: 'o', headers: '{"X-Api-Key": "s3cret-value", "X-Model-Version": "2"}' },
    });
    expect(provider.cacheIdentity['headers']).toEqual({ 'X-Model-Version': '2' });
    expect(JSON.stringify(provider.cacheIdentity)).not.toContain('s3cret-value');
  });
});

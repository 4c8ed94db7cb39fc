export * from './types.js';
export type { ModelProvider } from './model-provider.js';
export { parseModelRef, parseKeyValues, PROVIDER_KINDS, ModelRefSchema, type ModelRef, type ProviderKind } from './model-ref.js';

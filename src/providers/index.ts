/** Model providers: the typed registry and `createProvider`, the one way the rest of Assay makes a model. */
export { createProvider, parseProviderArgs, PROVIDERS, type ProviderEntry } from './registry.js';
export { MOCK_BEHAVIOURS, type MockBehaviour } from './mock/mock-provider.js';

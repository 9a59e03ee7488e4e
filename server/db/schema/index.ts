export * from './registry.js';
export * from './identity.js';

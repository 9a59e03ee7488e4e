export * from './registry.js';
export * from './identity.js';
export * from './plans.js';
export * from './jobs.js';
export * from './files.js';
export * from './documents.js';
export * from './notifications.js';
export * from './inspections.js';

export * from './replay';
export * from './readiness-at';
export * from './evaluate';
export * from './as-of';
export * from './period';

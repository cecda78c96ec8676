export * from './users';
export * from './inventory';

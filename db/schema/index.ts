export * from './users';
export * from './inventory';
export * from './notifications';
export * from './mail';
export * from './builds';
export * from './team';
export * from './groups';
export * from './channels';

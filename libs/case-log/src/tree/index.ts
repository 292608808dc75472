export * from './merkle';
export * from './tree-head';
export * from './tree-head-file';
export * from './tree-leaves';

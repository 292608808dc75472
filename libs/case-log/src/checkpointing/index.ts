export * from './log-checkpointer';
export * from './chain-checkpoint';
export * from './tree-publisher';
export * from './checkpoint-run';

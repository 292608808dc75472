// The tests start stacks the same way the benchmark does: the real start command on free ports.
export * from '../../scripts/stack/launch';

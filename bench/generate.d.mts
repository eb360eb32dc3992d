/** Types for tests that import the benchmark's case generator. */
export function generateCase(count: number): string;

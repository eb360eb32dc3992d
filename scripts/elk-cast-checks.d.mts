/** elk.bundled.js without GWT's run-time cast checks; throws if the code is not the one expected. */
export function withoutCastChecks(source: string): string;
/** An esbuild plugin: `elkjs/lib/elk.bundled.js` bundled without cast checks. */
export function elkWithoutCastChecks(): { name: string; setup(builder: unknown): void };

/** elk.bundled.js without GWT's run-time cast checks; throws if the code is not the one expected. */
export function withoutCastChecks(source: string): string;

/** What global setup started, so global teardown (same process) can stop it. */
export const testServices: { stoppers: Array<() => Promise<void>> } = (globalThis as { __fangquanTestServices?: { stoppers: Array<() => Promise<void>> } }).__fangquanTestServices ??= { stoppers: [] };

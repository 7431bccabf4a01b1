export function cachedWorkerPath(version: string): string;
export function resolveMediaWorker(root: string): { path: string; origin: string } | null;

import { DomainError } from '../../common/errors.js';

/** How long a picked source waits for the page's getDisplayMedia call. */
export const SELECTION_TTL_MS = 10_000;

export interface KnownSource {
  id: string;
  name: string;
}

/**
 * The screen or window the user picked in the app's own picker, waiting for the page's
 * getDisplayMedia call. Only sources from the latest listing can be picked; a pick is used
 * once and expires after a short while, so a stale choice never starts a share by itself.
 */
export class ScreenSelection {
  private known = new Map<string, KnownSource>();
  private pending: { source: KnownSource; at: number } | null = null;
  private readonly now: () => number;
  private readonly ttlMs: number;

  constructor(options: { now?: () => number; ttlMs?: number } = {}) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.ttlMs ?? SELECTION_TTL_MS;
  }

  /** Replaces the sources the user can pick from with the latest listing. */
  remember(sources: readonly KnownSource[]): void {
    this.known = new Map(sources.map((source) => [source.id, { id: source.id, name: source.name }]));
  }

  /** Picks a listed source for the next share; null cancels a pending pick. */
  select(sourceId: string | null): void {
    if (sourceId === null) {
      this.pending = null;
      return;
    }
    const source = this.known.get(sourceId);
    if (!source) {
      this.pending = null;
      throw new DomainError('NOT_FOUND', 'no such screen or window in the latest listing');
    }
    this.pending = { source, at: this.now() };
  }

  /** The pending pick if it is still fresh; a pick is handed out once. */
  take(): KnownSource | null {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return null;
    const age = this.now() - pending.at;
    return age >= 0 && age <= this.ttlMs ? pending.source : null;
  }
}

import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { z } from 'zod';
import type { AppError, ErrorCode } from '../../../common/errors.js';
import { loginRequestSchema, userSchema } from '../../../common/protocol/auth.js';
import { services } from '../services/registry.js';

const SESSION_KEY = 'parta.session';

/** What we keep in localStorage, versioned and parsed when read back. */
const storedSessionSchema = z.object({
  v: z.literal(1),
  token: z.string().min(1),
  expiresAt: z.string(),
  user: userSchema,
});
type StoredSession = z.infer<typeof storedSessionSchema>;

type ReadResult = { session: StoredSession | null; expired: boolean };

function readSession(): ReadResult {
  const storage = services().storage;
  const raw = storage.getItem(SESSION_KEY);
  if (!raw) return { session: null, expired: false };
  let parsed: ReturnType<typeof storedSessionSchema.safeParse>;
  try {
    parsed = storedSessionSchema.safeParse(JSON.parse(raw));
  } catch {
    parsed = storedSessionSchema.safeParse(null);
  }
  if (!parsed.success) {
    storage.removeItem(SESSION_KEY);
    return { session: null, expired: false };
  }
  const expiresAt = Date.parse(parsed.data.expiresAt);
  if (Number.isFinite(expiresAt) && expiresAt <= Date.now()) {
    storage.removeItem(SESSION_KEY);
    return { session: null, expired: true };
  }
  return { session: parsed.data, expired: false };
}

/** Codes that mean "this token is no good any more". */
export function isAuthFailure(code: ErrorCode): boolean {
  return code === 'SESSION_EXPIRED' || code === 'UNAUTHENTICATED';
}

export const useAuthStore = defineStore('auth', () => {
  const initial = readSession();
  const session = ref<StoredSession | null>(initial.session);
  /** Why the person is (back) at the sign-in screen, e.g. SESSION_EXPIRED. */
  const notice = ref<ErrorCode | null>(initial.expired ? 'SESSION_EXPIRED' : null);
  /** The last sign-in attempt's refusal. */
  const error = ref<AppError | null>(null);
  const busy = ref(false);

  const token = computed(() => session.value?.token ?? null);
  const user = computed(() => session.value?.user ?? null);
  const isSignedIn = computed(() => token.value !== null);

  function persist(next: StoredSession | null): void {
    session.value = next;
    const storage = services().storage;
    if (next) storage.setItem(SESSION_KEY, JSON.stringify(next));
    else storage.removeItem(SESSION_KEY);
  }

  async function signIn(login: string, password: string): Promise<boolean> {
    const request = loginRequestSchema.safeParse({ login, password });
    if (!request.success) {
      error.value = { code: 'BAD_REQUEST', message: 'login and password are required' };
      return false;
    }
    busy.value = true;
    error.value = null;
    try {
      const reply = await services().api.login(request.data);
      if (!reply.ok) {
        error.value = reply.error;
        return false;
      }
      notice.value = null;
      persist({ v: 1, token: reply.data.token, expiresAt: reply.data.expiresAt, user: reply.data.user });
      return true;
    } finally {
      busy.value = false;
    }
  }

  /** Checks the kept token with the server and refreshes who we are. */
  async function refresh(): Promise<void> {
    const current = session.value;
    if (!current) return;
    const reply = await services().api.me(current.token);
    if (reply.ok) {
      if (session.value?.token === current.token) persist({ ...current, user: reply.data });
    } else {
      handleFailure(reply.error);
    }
  }

  /** Ends the session because the server no longer accepts it; the sign-in screen says why. */
  function expire(reason: ErrorCode = 'SESSION_EXPIRED'): void {
    persist(null);
    notice.value = reason;
  }

  /** Call with any refusal: returns true when it meant the session is over (and ends it). */
  function handleFailure(failure: AppError): boolean {
    if (!isAuthFailure(failure.code) || !session.value) return false;
    expire('SESSION_EXPIRED');
    return true;
  }

  /** Ends the session here at once and tells the server (best effort: it expires anyway). */
  function signOut(): void {
    const current = session.value;
    if (current) void services().api.logout(current.token);
    persist(null);
    notice.value = null;
    error.value = null;
  }

  return { token, user, isSignedIn, notice, error, busy, signIn, refresh, expire, handleFailure, signOut };
});

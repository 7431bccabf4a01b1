import { DomainError } from '../../../common/errors.js';

/**
 * mediasoup rejects parameters a client sent (rtp/dtls parameters, capabilities) with a
 * TypeError or an UnsupportedError, and calls in the wrong state with an InvalidStateError or
 * an "already called" error. Its worker refuses a request it cannot apply (a duplicate SSRC or
 * MID, ...) with a plain Error naming the method, and parameters nested too deep to be sent to
 * the worker end in a RangeError. Those are the client's mistakes and become typed refusals;
 * any other error is rethrown as it is (and ends as INTERNAL).
 */
export function asClientError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  if (error.name === 'InvalidStateError' || /already called/i.test(error.message)) {
    return new DomainError('CONFLICT', `Media request in the wrong state: ${error.message}`);
  }
  const refusedByWorker = error.constructor === Error && /\[method:[\w.]+\]$/.test(error.message);
  if (error instanceof TypeError || error instanceof RangeError || error.name === 'UnsupportedError' || refusedByWorker) {
    return new DomainError('BAD_REQUEST', `Media parameters refused: ${error.message}`);
  }
  return error;
}

/** Runs a mediasoup call fed with client data, turning the client's mistakes into refusals. */
export async function withClientData<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw asClientError(error);
  }
}

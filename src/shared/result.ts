/**
 * The one way to say how an operation ended: `{ ok: true, value }` or `{ ok: false, error }`.
 * Every layer names its own error type (`Result<Plan, ShopError>`), never its own field names.
 */
export type Result<T, E> = Ok<T> | Err<E>;
export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };

/** A refusal: its code, and values for its localized message (e.g. `{ max: 20 }`). */
export interface CodedError<C extends string> {
  readonly code: C;
  readonly params?: Record<string, string | number>;
}

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

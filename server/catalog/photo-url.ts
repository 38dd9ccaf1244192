/**
 * Where a product photo is served: public (Meta downloads it without our credentials) and
 * unguessable (the token), under `PUBLIC_URL` when set, else relative to the studio's origin.
 */
export const photoUrl = (publicUrl: string | null, token: string) => `${publicUrl ?? ''}/photos/${token}.jpg`;

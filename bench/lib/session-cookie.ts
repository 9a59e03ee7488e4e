/** `par_session=…` from a sign-in response (which also sets the device cookie). */
export function sessionCookie(res: Response): string {
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('par_session='));
  if (!cookie) throw new Error(`no session cookie in the sign-in answer (${res.status})`);
  return cookie.split(';')[0];
}

import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, invalidParamsByField, setCsrfToken, setUnauthenticatedHandler } from './api-client.js';

function problem(status: number, body: object) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/problem+json' } });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthenticatedHandler(null);
});

describe('api client', () => {
  it('sends the CSRF token on writes but not on reads', async () => {
    const fetchMock = vi.fn(async () => new Response(null, { status: 204 }));
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken('tok');
    await api.get('/api/units', { q: 'hoai', asOf: undefined });
    await api.patch('/api/units/1', { version: 1 });
    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(calls[0][0]).toBe('/api/units?q=hoai');
    expect((calls[0][1].headers as Record<string, string>)['x-csrf-token']).toBeUndefined();
    expect((calls[1][1].headers as Record<string, string>)['x-csrf-token']).toBe('tok');
    expect(calls[1][1].credentials).toBe('same-origin');
  });

  it('parses problem+json into ApiError with field errors', async () => {
    vi.stubGlobal('fetch', async () =>
      problem(400, {
        type: 'about:blank',
        title: 'Validation failed',
        status: 400,
        code: 'VALIDATION_FAILED',
        requestId: 'r-1',
        invalidParams: [{ name: 'body.name', code: 'too_small', reason: 'Too small' }],
      }),
    );
    const error = await api.post('/api/units', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('VALIDATION_FAILED');
    expect((error as ApiError).requestId).toBe('r-1');
    expect(Object.keys(invalidParamsByField(error))).toEqual(['name']);
  });

  it('calls the unauthenticated handler on 401 UNAUTHENTICATED only', async () => {
    const handler = vi.fn();
    setUnauthenticatedHandler(handler);
    vi.stubGlobal('fetch', async () =>
      problem(401, { type: 'x', title: 'x', status: 401, code: 'INVALID_CREDENTIALS', requestId: 'r' }),
    );
    await api.post('/api/session', {}).catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
    vi.stubGlobal('fetch', async () =>
      problem(401, { type: 'x', title: 'x', status: 401, code: 'UNAUTHENTICATED', requestId: 'r' }),
    );
    await api.get('/api/units').catch(() => undefined);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('reads a 400 on path parameters only as not found (a malformed id in the address), a body 400 as invalid fields', async () => {
    const pathParam = { type: 'about:blank', title: 'x', status: 400, code: 'VALIDATION_FAILED', requestId: 'r', invalidParams: [{ name: 'path.id', code: 'invalid_format', reason: 'Invalid UUID' }] };
    vi.stubGlobal('fetch', async () => problem(400, pathParam));
    const error = (await api.get('/api/inspections/6835d702-0000').catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.code]).toEqual([404, 'NOT_FOUND']);
    vi.stubGlobal('fetch', async () => problem(400, { ...pathParam, invalidParams: [...pathParam.invalidParams, { name: 'body.version', code: 'required', reason: 'required' }] }));
    const mixed = (await api.post('/api/inspections/6835d702-0000/start', {}).catch((e: unknown) => e)) as ApiError;
    expect(mixed.code).toBe('VALIDATION_FAILED');
  });
});

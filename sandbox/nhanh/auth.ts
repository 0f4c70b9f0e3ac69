import type { SandboxRequest, SandboxResponse, SimulatorContext } from '../types';
import { createFieldCollector, FormFieldsError, isRecord, ok } from './envelope';

/** What the demo user grants on the login page (the names are a guess: the docs show an empty list). */
const GRANTED_PERMISSIONS = [
  'product.list',
  'product.add',
  'order.list',
  'order.add',
  'order.update',
  'business.depot',
];

/** [INF] "a few minutes": an access code must be exchanged within 5 minutes, once. */
const ACCESS_CODE_TTL_MS = 5 * 60_000;
/** [INF] One third-party comment says tokens last a year (3P, low trust); the lifetime is stored, not assumed. */
const ACCESS_TOKEN_TTL_SECONDS = 365 * 24 * 3600;

interface TokenRecord {
  businessId: number;
  /** Unix seconds. */
  expiredAt: number;
  revoked: boolean;
}

function errorPage(status: number, message: string): SandboxResponse {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html lang="vi"><body><h1>Nhanh.vn</h1><p>${message}</p></body></html>`,
  };
}

/**
 * The grant side of Nhanh: the login page stand-in (`nhanh.vn/oauth`, where the demo user approves at once),
 * the one-time access codes, `app/getaccesstoken`, and the registry of issued tokens with their expiry.
 */
export function createNhanhAuth({ clock, random, seed }: SimulatorContext) {
  const nhanh = seed.nhanh;
  const tokens = new Map<string, TokenRecord>();
  const accessCodes = new Map<string, { expiresAt: number }>();
  tokens.set(nhanh.accessToken, {
    businessId: nhanh.businessId,
    expiredAt: nhanh.accessTokenExpiredAt,
    revoked: false,
  });

  function randomToken(length: number): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
    return text;
  }

  /**
   * `GET /nhanh-oauth?appId=…&returnLink=…` → 302 to `returnLink?accessCode=…` [OFF-v3 §2.2]. The returnLink
   * must be https ("bắt buộc chạy https"); [INF] that it is registered among the app's Redirect URLs cannot be
   * checked here (the extension id differs per install), so any https link is taken.
   */
  function authorizePage(request: SandboxRequest): SandboxResponse {
    if (request.method !== 'GET') return errorPage(405, 'Phương thức không được hỗ trợ.');
    const { query } = request;
    if (query.get('appId') !== nhanh.appId)
      return errorPage(400, 'Ứng dụng không tồn tại (appId không hợp lệ).');
    let returnLink: URL;
    try {
      returnLink = new URL(query.get('returnLink') ?? '');
    } catch {
      return errorPage(400, 'returnLink không hợp lệ.');
    }
    if (returnLink.protocol !== 'https:')
      return errorPage(
        400,
        'returnLink phải là địa chỉ https và nằm trong danh sách Redirect URL của ứng dụng.',
      );
    const accessCode = randomToken(40);
    accessCodes.set(accessCode, { expiresAt: clock.now() + ACCESS_CODE_TTL_MS });
    returnLink.searchParams.set('accessCode', accessCode);
    return { status: 302, headers: { location: returnLink.toString() }, body: '' };
  }

  /**
   * `POST /v3.0/app/getaccesstoken?appId=` `{accessCode, secretKey}` [3P S16]. [INF] a wrong secret or a spent,
   * unknown or stale code is ERR_INVALID_FORM_FIELDS naming the field (no dedicated code is documented).
   */
  function exchange(body: unknown): SandboxResponse {
    const fields = createFieldCollector();
    if (!isRecord(body)) throw new FormFieldsError({ accessCode: 'accessCode is required' });
    if (body.secretKey !== nhanh.secretKey) fields.add('secretKey', 'secretKey is invalid');
    const code = typeof body.accessCode === 'string' ? accessCodes.get(body.accessCode) : undefined;
    if (!code || code.expiresAt <= clock.now()) fields.add('accessCode', 'accessCode is invalid or expired');
    fields.throwIfAny();
    accessCodes.delete(body.accessCode as string);
    const accessToken = randomToken(64);
    const expiredAt = Math.floor(clock.now() / 1000) + ACCESS_TOKEN_TTL_SECONDS;
    tokens.set(accessToken, { businessId: nhanh.businessId, expiredAt, revoked: false });
    return ok({
      accessToken,
      businessId: nhanh.businessId,
      expiredAt,
      depotIds: nhanh.depots.map((depot) => depot.id),
      permissions: GRANTED_PERMISSIONS,
    });
  }

  /**
   * `POST /v3.0/app/checkaccesstoken?appId=&businessId=` `{secretKey}` with the token in `Authorization`
   * [OFF-v3 §2.5]: "Response sẽ giống với việc dùng accessCode đổi lấy accessToken" (the token itself included).
   * Called after the envelope checked the token. [INF] a wrong secret is ERR_INVALID_FORM_FIELDS on `secretKey`.
   */
  function check(token: string, body: unknown): SandboxResponse {
    if (!isRecord(body) || body.secretKey !== nhanh.secretKey)
      throw new FormFieldsError({ secretKey: 'secretKey is invalid' });
    const record = tokens.get(token)!;
    return ok({
      accessToken: token,
      version: '3.0',
      expiredAt: record.expiredAt,
      businessId: record.businessId,
      depotIds: nhanh.depots.map((depot) => depot.id),
      pageIds: [],
      permissions: GRANTED_PERMISSIONS,
    });
  }

  /** Whether a token works for this business now: issued here, not revoked, not past `expiredAt`. */
  function tokenValid(token: string | undefined, businessId: number): boolean {
    const record = token === undefined ? undefined : tokens.get(token);
    return (
      !!record && !record.revoked && record.businessId === businessId && record.expiredAt * 1000 > clock.now()
    );
  }

  return {
    authorizePage,
    exchange,
    check,
    tokenValid,
    /** The "token expires mid-run" fault: every token issued so far stops working; new grants work. */
    revokeAll() {
      for (const record of tokens.values()) record.revoked = true;
    },
    liveTokenCount: () => [...tokens.values()].filter((record) => !record.revoked).length,
  };
}

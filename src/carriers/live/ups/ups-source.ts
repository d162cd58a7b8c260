import { randomUUID } from 'node:crypto';
import type { ShipmentToRate } from '../../carrier-rater';
import type { LiveAnswer, LiveSource } from '../live-carrier-rater';
import { LiveClient } from '../live-client';
import type { Attempt, LiveDeps } from '../live-http';
import { OAuthToken } from '../oauth-token';
import type { OAuthVendorSettings } from '../oauth-vendor';
import { upsLiveAnswer, upsRatesAnswerSchema } from './ups-answer';
import { upsRatesRequest } from './ups-request';

export interface UpsSettings extends OAuthVendorSettings {
  /** The Rating API version in the path; the contract's valid value is v2409. */
  version: string;
}

/** UPS Rating API: OAuth at `/security/v1/oauth/token`, then `POST /api/rating/{version}/Shop?additionalinfo=timeintransit`. */
export class UpsSource implements LiveSource {
  readonly label: string;
  private readonly client: LiveClient;

  constructor(
    private readonly settings: UpsSettings,
    deps: LiveDeps,
  ) {
    this.label = `UPS Rating API (${new URL(settings.url).host})`;
    const token = new OAuthToken(
      { url: `${settings.url}/security/v1/oauth/token`, clientId: settings.clientId, clientSecret: settings.clientSecret, style: 'basic', headers: { 'x-merchant-id': settings.account } },
      deps,
    );
    this.client = new LiveClient(settings.client, [settings.clientId, settings.clientSecret, settings.account], deps, token);
  }

  async quote(s: ShipmentToRate): Promise<Attempt<LiveAnswer>> {
    const answer = await this.client.call(
      (token) => ({
        url: `${this.settings.url}/api/rating/${this.settings.version}/Shop?additionalinfo=timeintransit`,
        init: {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            authorization: `Bearer ${token ?? ''}`,
            // transId: 32 characters unique to the request (the contract's header).
            transId: randomUUID().replace(/-/g, ''),
            transactionSrc: 'frontera',
          },
          body: JSON.stringify(upsRatesRequest(s, this.settings.account)),
        },
      }),
      upsRatesAnswerSchema,
    );
    return answer.ok ? { ok: true, value: upsLiveAnswer(answer.value, s) } : answer;
  }
}

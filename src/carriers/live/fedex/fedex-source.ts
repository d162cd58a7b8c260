import type { ShipmentToRate } from '../../carrier-rater';
import type { LiveAnswer, LiveSource } from '../live-carrier-rater';
import { LiveClient } from '../live-client';
import type { Attempt, LiveDeps } from '../live-http';
import { OAuthToken } from '../oauth-token';
import type { OAuthVendorSettings } from '../oauth-vendor';
import { fedexLiveAnswer, fedexRatesAnswerSchema } from './fedex-answer';
import { fedexRatesRequest } from './fedex-request';

/** FedEx Rates and Transit Times API: OAuth at `/oauth/token`, then `POST /rate/v1/rates/quotes` with the bearer token. */
export class FedexSource implements LiveSource {
  readonly label: string;
  private readonly client: LiveClient;

  constructor(
    private readonly settings: OAuthVendorSettings,
    deps: LiveDeps,
  ) {
    this.label = `FedEx Rates and Transit Times API (${new URL(settings.url).host})`;
    const token = new OAuthToken({ url: `${settings.url}/oauth/token`, clientId: settings.clientId, clientSecret: settings.clientSecret, style: 'form' }, deps);
    this.client = new LiveClient(settings.client, [settings.clientId, settings.clientSecret, settings.account], deps, token);
  }

  async quote(s: ShipmentToRate): Promise<Attempt<LiveAnswer>> {
    const answer = await this.client.call(
      (token) => ({
        url: `${this.settings.url}/rate/v1/rates/quotes`,
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', 'x-locale': 'en_US', authorization: `Bearer ${token ?? ''}` },
          body: JSON.stringify(fedexRatesRequest(s, this.settings.account)),
        },
      }),
      fedexRatesAnswerSchema,
    );
    return answer.ok ? { ok: true, value: fedexLiveAnswer(answer.value, s) } : answer;
  }
}

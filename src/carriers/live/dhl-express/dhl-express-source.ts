import type { ShipmentToRate } from '../../carrier-rater';
import type { LiveAnswer, LiveSource } from '../live-carrier-rater';
import { LiveClient, type LiveClientSettings } from '../live-client';
import { failure, type Attempt, type LiveDeps } from '../live-http';
import { dhlLiveAnswer, dhlRatesAnswerSchema } from './dhl-express-answer';
import { dhlRatesRequest } from './dhl-express-request';

export interface DhlExpressSettings {
  /** The MyDHL API base, ending in /mydhlapi (production) or /mydhlapi/test. */
  url: string;
  apiKey: string;
  apiSecret: string;
  account: string;
  client: LiveClientSettings;
}

/** DHL Express MyDHL API `POST /rates`, HTTP Basic (API key : secret). */
export class DhlExpressSource implements LiveSource {
  readonly label: string;
  private readonly client: LiveClient;

  constructor(
    private readonly settings: DhlExpressSettings,
    deps: LiveDeps,
  ) {
    this.label = `DHL Express MyDHL API (${new URL(settings.url).host})`;
    this.client = new LiveClient(settings.client, [settings.apiKey, settings.apiSecret, settings.account], deps);
  }

  async quote(s: ShipmentToRate): Promise<Attempt<LiveAnswer>> {
    // MyDHL requires both cities (cityName); without them DHL would refuse the request anyway.
    const missing = [s.origin.city === undefined ? 'origin.city' : undefined, s.destination.city === undefined ? 'destination.city' : undefined].filter(
      (m) => m !== undefined,
    );
    if (missing.length > 0) {
      const fields = missing.join(', ');
      return failure(`DHL Express necesita la ciudad de origen y de destino (${fields})`, `DHL Express needs the origin and destination cities (${fields})`, false);
    }
    const basic = Buffer.from(`${this.settings.apiKey}:${this.settings.apiSecret}`).toString('base64');
    const answer = await this.client.call(
      () => ({
        url: `${this.settings.url}/rates`,
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Basic ${basic}` },
          body: JSON.stringify(dhlRatesRequest(s, this.settings.account)),
        },
      }),
      dhlRatesAnswerSchema,
    );
    return answer.ok ? { ok: true, value: dhlLiveAnswer(answer.value, s) } : answer;
  }
}

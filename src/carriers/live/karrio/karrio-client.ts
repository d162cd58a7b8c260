import type { ShipmentToRate } from '../../carrier-rater';
import type { LiveAnswer, LiveSource } from '../live-carrier-rater';
import { LiveClient, type LiveClientSettings } from '../live-client';
import type { Attempt, LiveDeps } from '../live-http';
import { karrioLiveAnswer, karrioRatesAnswerSchema, type KarrioAnswer } from './karrio-answer';
import { karrioRatesRequest } from './karrio-request';

export interface KarrioSettings {
  /** The karrio server's base URL, e.g. https://karrio.example.com. */
  url: string;
  apiKey: string;
  client: LiveClientSettings;
}

/**
 * One karrio server (`POST /v1/proxy/rates`, `Authorization: Token …`),
 * asked once per quote however many carriers read its answer: every carrier
 * of one quote gets the same shipment object, so the call is kept by it.
 */
export class KarrioClient {
  readonly label: string;
  private readonly client: LiveClient;
  private readonly calls = new WeakMap<ShipmentToRate, Promise<Attempt<KarrioAnswer>>>();

  constructor(
    private readonly settings: KarrioSettings,
    deps: LiveDeps,
  ) {
    this.label = `karrio (${new URL(settings.url).host})`;
    this.client = new LiveClient(settings.client, [settings.apiKey], deps);
  }

  ask(s: ShipmentToRate): Promise<Attempt<KarrioAnswer>> {
    let call = this.calls.get(s);
    if (call === undefined) {
      call = this.call(s);
      this.calls.set(s, call);
    }
    return call;
  }

  private async call(s: ShipmentToRate): Promise<Attempt<KarrioAnswer>> {
    const answer = await this.client.call(
      () => ({
        url: `${this.settings.url}/v1/proxy/rates`,
        init: {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Token ${this.settings.apiKey}` },
          body: JSON.stringify(karrioRatesRequest(s)),
        },
      }),
      karrioRatesAnswerSchema,
    );
    return answer.ok ? answer : { ...answer, why: { es: `karrio ${answer.why.es}`, en: `karrio ${answer.why.en}` } };
  }
}

/** karrio as the live source of one table carrier: its rates for that carrier, or `covered: false` when karrio has none. */
export class KarrioCarrierSource implements LiveSource {
  readonly label: string;

  constructor(
    private readonly karrio: KarrioClient,
    private readonly carrierId: string,
  ) {
    this.label = karrio.label;
  }

  async quote(s: ShipmentToRate): Promise<Attempt<LiveAnswer>> {
    const answer = await this.karrio.ask(s);
    return answer.ok ? { ok: true, value: karrioLiveAnswer(answer.value, this.carrierId) } : answer;
  }
}

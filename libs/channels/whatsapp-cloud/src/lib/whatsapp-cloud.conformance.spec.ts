import { describeChannelConformance } from '@followup/channels-core/testing';
import { GraphApiDouble, inboundValue, metaSignature, statusValue, webhookEnvelope } from '@followup/testing';
import { whatsappCloudChannelProvider } from './whatsapp-cloud.provider';

// The checks every channel passes, against the Cloud API double (Meta's wire format and signatures).
describeChannelConformance({
  provider: whatsappCloudChannelProvider,
  async start() {
    const double = new GraphApiDouble();
    const url = await double.start();
    return {
      settings: double.connectionSettings(url),
      contact: { name: 'Ada', phone: '+14155550123', whatsapp: '+14155550123' },
      received: async () => double.messages.map((m) => m.body),
      refuseNext: () => double.failNext(131026, { message: '(#131026) Message undeliverable' }),
      authenticWebhook: (hook, connection) => {
        const body = JSON.stringify(
          webhookEnvelope(double, {
            ...inboundValue([{ from: '14155550123', name: 'Ada', text: 'hello' }]),
            ...statusValue([{ id: 'wamid.conformance', status: 'delivered', recipient: '14155550123' }]),
          }),
        );
        return {
          hook,
          url: `http://127.0.0.1/webhooks/whatsapp/${connection.id}/${hook}`,
          headers: { 'x-hub-signature-256': metaSignature(String(connection.settings['app_secret']), body) },
          rawBody: Buffer.from(body),
          now: new Date(),
        };
      },
      authenticVerification: (hook, connection) => ({
        hook,
        url: `http://127.0.0.1/webhooks/whatsapp/${connection.id}/${hook}`,
        query: { 'hub.mode': 'subscribe', 'hub.verify_token': String(connection.settings['verify_token']), 'hub.challenge': '1158201444' },
        headers: {},
        now: new Date(),
      }),
      stop: () => double.stop(),
    };
  },
});

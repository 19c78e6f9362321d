import { describeChannelConformance } from '@followup/channels-core/testing';
import { HttpApiDouble } from '@followup/testing';
import { whatsappCloudChannelProvider } from './whatsapp-cloud-channel';

// The checks every channel passes, against a loopback double of the provider's API.
describeChannelConformance({
  provider: whatsappCloudChannelProvider,
  async start() {
    const api = new HttpApiDouble('conformance-api-key');
    const url = await api.start();
    return {
      settings: { api_base_url: url, api_key: 'conformance-api-key' },
      contact: { name: 'Ada', phone: '+14155550123', email: 'ada@example.com', whatsapp: '+14155550123' },
      received: async () => api.messages.map((m) => String(m.body['body'])),
      refuseNext: () => api.refuseNext(422),
      stop: () => api.stop(),
    };
  },
});

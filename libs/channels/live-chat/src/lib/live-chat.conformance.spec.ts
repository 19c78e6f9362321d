import { describeChannelConformance } from '@followup/channels-core/testing';
import { LiveChatLine, VisitorAddress } from './live-chat.adapter';
import { LiveChatProvider } from './live-chat.provider';

// The checks every channel passes. The chat's far side is the gateway's socket server: here an
// outlet that records what it is handed (the e2e spec runs the real one with real sockets).
const provider = new LiveChatProvider();

describeChannelConformance({
  provider,
  async start() {
    const delivered: { visitor: VisitorAddress; line: LiveChatLine }[] = [];
    let refuse = false;
    provider.attach({
      deliver(visitor, line) {
        if (refuse) {
          refuse = false;
          throw new Error('the socket server is closing');
        }
        delivered.push({ visitor, line });
      },
    });
    return {
      settings: { allowed_origins: ['https://www.acme.test'] },
      contact: { name: 'Ada' },
      received: async () => delivered.map((d) => d.line.body),
      refuseNext: () => (refuse = true),
      stop: async () => provider.attach(undefined),
    };
  },
});

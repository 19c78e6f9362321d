import type { ContactEntity, ConversationAgentEntity } from '@followup/persistence';
import { AI_UNAVAILABLE, TemplateComposer, renderTemplate } from './composer';

const contact = { name: 'Ada Lovelace', firstName: null, email: 'ada@example.com', phone: '+14155550123' } as ContactEntity;
const agent = { name: 'Lead Bot', businessName: 'Acme Dental' } as ConversationAgentEntity;

describe('composing follow-ups', () => {
  it('fills the variables of a custom message', async () => {
    const composer = new TemplateComposer();
    const step = {
      id: 1,
      followupTime: 1,
      followupTimeUnit: 'hours' as const,
      aiEnabledMessage: false,
      customMessage: 'Hi {{contact.first_name}}, {{ agent.businessName }} here. Still keen?',
    };
    expect(await composer.compose({ step, scenario: 's', contact, agent })).toEqual({ text: 'Hi Ada, Acme Dental here. Still keen?' });
  });

  it('drops unknown or empty variables without leaving gaps', () => {
    expect(renderTemplate('Hi {{contact.first_name}} , {{nope}}!', { 'contact.first_name': '' })).toBe('Hi,!');
  });

  it('does not invent text for AI-written steps', async () => {
    const composer = new TemplateComposer();
    const step = { id: 1, followupTime: 1, followupTimeUnit: 'hours' as const };
    expect(await composer.compose({ step, scenario: 's', contact, agent })).toEqual({ unavailable: AI_UNAVAILABLE });
  });
});

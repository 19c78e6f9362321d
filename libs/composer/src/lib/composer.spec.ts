import type { ContactEntity, ConversationAgentEntity } from '@followup/persistence';
import { AI_UNAVAILABLE, TemplateComposer, composeTemplate, renderTemplate } from './composer';

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

describe('template messages', () => {
  const lead = { firstName: null, name: 'Ana Souza', email: 'ana@example.com', phone: '+5511999990000' } as ContactEntity;
  const clinic = { name: 'Bot', businessName: 'Clínica Sorriso' } as ConversationAgentEntity;

  it("fills seed 003's and the custom messages' variables into the parameters, in order", () => {
    const t = composeTemplate(
      { name: 'retomar_contato', language: 'pt_BR', params: ['{{LEAD_FIRSTNAME}}', '{{agent.business_name}}'] },
      lead,
      clinic,
    );
    expect(t).toEqual({
      name: 'retomar_contato',
      language: 'pt_BR',
      params: ['Ana', 'Clínica Sorriso'],
      body: '[template retomar_contato (pt_BR): Ana | Clínica Sorriso]',
    });
  });

  it('takes a template without parameters', () => {
    expect(composeTemplate({ name: 'hello', language: 'en_US' }, lead, clinic)).toMatchObject({
      params: [],
      body: '[template hello (en_US)]',
    });
  });
});

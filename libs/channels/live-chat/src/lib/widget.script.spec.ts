import { Script } from 'node:vm';
import { chatPage } from './chat.page';
import { widgetScript } from './widget.script';

const config = {
  connectionId: 'conn-1',
  baseUrl: 'https://chat.acme.test',
  title: 'Acme </script><b>',
  color: '#2563eb',
  greeting: 'Hi!',
  askFor: ['name', 'phone'],
  maxLength: 2000,
};

describe('the widget script', () => {
  it('is one self-contained script that parses, with its configuration inside', () => {
    const source = widgetScript(config);
    expect(() => new Script(source, { filename: 'widget.js' })).not.toThrow();
    expect(source).toContain('"connectionId":"conn-1"');
    expect(source).toContain('/socket.io/?EIO=4&transport=websocket');
    expect(source).not.toContain('</script>');
    expect(source.length).toBeLessThan(30_000);
  });

  it('is accessible: labelled controls, a dialog, a live log, keyboard closing', () => {
    const source = widgetScript(config);
    for (const part of [
      "role: 'dialog'",
      "role: 'log'",
      "'aria-label': 'Close chat'",
      "'aria-expanded'",
      "e.key === 'Escape'",
      "class: 'sr' }, 'Message'",
    ])
      expect(source).toContain(part);
  });

  it('has a hosted page that loads the widget from the gateway, with no inline script', () => {
    const page = chatPage('conn-1', 'Acme <Dental>');
    expect(page).toContain('<script src="/widget/conn-1.js" data-mode="page" async></script>');
    expect(page).toContain('<title>Acme &#60;Dental&#62;</title>');
    expect(page.match(/<script/g)).toHaveLength(1);
  });
});

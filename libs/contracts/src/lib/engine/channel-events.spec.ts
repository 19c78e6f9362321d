import { deliveryAdvances } from './channel-events';

describe('deliveryAdvances', () => {
  it('moves forward only', () => {
    expect(deliveryAdvances(null, 'queued')).toBe(true);
    expect(deliveryAdvances('queued', 'sent')).toBe(true);
    expect(deliveryAdvances('sent', 'delivered')).toBe(true);
    expect(deliveryAdvances('delivered', 'sent')).toBe(false);
    expect(deliveryAdvances('delivered', 'delivered')).toBe(false);
    expect(deliveryAdvances('delivered', 'read')).toBe(true);
    expect(deliveryAdvances('sent', 'undelivered')).toBe(true);
    expect(deliveryAdvances('failed', 'delivered')).toBe(false);
    expect(deliveryAdvances('undelivered', 'sent')).toBe(false);
    expect(deliveryAdvances('failed', 'read')).toBe(false);
    expect(deliveryAdvances('delivered', 'failed')).toBe(false);
  });
});

import { GatewayMetrics } from './gateway-metrics';

describe('GatewayMetrics', () => {
  it('reads the queue gauges from the store once per scrape', async () => {
    const metrics = new GatewayMetrics();
    let reads = 0;
    metrics.readQueueWith(async () => {
      reads++;
      return { byStatus: { scheduled: 7, on_hold: 2, in_progress: 1 }, due: 3, oldestDueAgeSeconds: 42.5 };
    });
    const { contentType, body } = await metrics.scrape();
    expect(contentType).toContain('text/plain');
    expect(body).toContain('followup_followups{status="scheduled"} 7');
    expect(body).toContain('followup_followups{status="on_hold"} 2');
    expect(body).toContain('followup_queue_due 3');
    expect(body).toContain('followup_queue_oldest_due_age_seconds 42.5');
    expect(reads).toBe(1);
    await metrics.scrape();
    expect(reads).toBe(2);
  });

  it('counts sends by result and observes latencies into their histograms', async () => {
    const metrics = new GatewayMetrics();
    metrics.sends.inc({ channel: 'sms', provider: 'twilio', result: 'sent' });
    metrics.sends.inc({ channel: 'sms', provider: 'twilio', result: 'sent' });
    metrics.sends.inc({ channel: 'email', provider: 'smtp', result: 'failed' });
    metrics.lateness.observe(0.03);
    metrics.providerSeconds.observe({ channel: 'sms', provider: 'twilio' }, 0.2);
    const { body } = await metrics.scrape();
    expect(body).toContain('followup_sends_total{channel="sms",provider="twilio",result="sent"} 2');
    expect(body).toContain('followup_sends_total{channel="email",provider="smtp",result="failed"} 1');
    expect(body).toContain('followup_dispatch_lateness_seconds_bucket{le="0.05"} 1');
    expect(body).toContain('followup_provider_request_duration_seconds_count{channel="sms",provider="twilio"} 1');
  });

  it('keeps each gateway its own counters', async () => {
    const a = new GatewayMetrics();
    const b = new GatewayMetrics();
    a.webhooks.inc({ provider: 'twilio', hook: 'messages', outcome: 'accepted' });
    expect((await b.scrape()).body).not.toContain('outcome="accepted"');
  });
});

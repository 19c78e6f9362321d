import { render, screen } from '@testing-library/react';
import { BarChart, barWidth } from './bar-chart.component';

describe('the bar chart', () => {
  it('scales bars and describes itself for screen readers', () => {
    expect(barWidth(0.5, 1, 200)).toBe(100);
    expect(barWidth(0, 1, 200)).toBe(0);
    expect(barWidth(0.001, 1, 200)).toBe(2);
    render(<BarChart title="Reply rate per channel" bars={[{ label: 'SMS', value: 0.25, detail: '' }]} />);
    expect(screen.getByRole('img').getAttribute('aria-label')).toBe('Reply rate per channel. SMS: 25%');
  });
});

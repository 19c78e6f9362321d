import type { ActionDto } from '@followup/contracts';
import { FormEvent, useMemo, useState } from 'react';
import { ApiError, describeError } from '../api/api.client';
import { useApi } from '../app.component';
import { FieldErrors } from '../ui/states.component';
import { PreviewPanel } from './preview.component';
import { ApiSettings, SettingsForm, fromApi, placeApiErrors, toApi, validate } from './settings.model';
import { WorkingHoursGrid } from './working-hours.grid';

interface Step {
  id: number;
  followupTime: number;
  followupTimeUnit: string;
  customMessage?: string;
  aiEnabledMessage?: boolean;
}

/** The follow-up settings of one advancedFollowup action: steps (read), working hours, zone rule, switching; saved with PATCH followup-settings. */
export function SettingsFormPanel({ agentId, action, onSaved }: { agentId: string; action: ActionDto; onSaved: () => void }) {
  const api = useApi();
  const details = action.details;
  const [form, setForm] = useState<SettingsForm>(() => fromApi(details['followupSettings'] as ApiSettings | undefined));
  const [apiErrors, setApiErrors] = useState<Record<string, string[]>>({});
  const [saved, setSaved] = useState<string | null>(null);
  const local = useMemo(() => validate(form), [form]);
  const problems = Object.keys(apiErrors).length ? apiErrors : local;
  const settings = useMemo(() => toApi(form), [form]);
  const steps = (details['followupSequence'] as Step[] | undefined) ?? [];

  const change = (next: SettingsForm) => {
    setForm(next);
    setApiErrors({});
    setSaved(null);
  };

  async function save(event: FormEvent) {
    event.preventDefault();
    if (Object.keys(local).length) return;
    try {
      await api.patch(`/conversation-ai/agents/${encodeURIComponent(agentId)}/followup-settings`, {
        actionIds: [action.id],
        followupSettings: settings,
      });
      setSaved('Saved. New follow-ups use these settings; pending ones are checked against them when they are sent.');
      onSaved();
    } catch (e) {
      setApiErrors(e instanceof ApiError && e.status === 422 ? placeApiErrors(e.lines, settings) : { form: [describeError(e)] });
    }
  }

  return (
    <div className="agent-grid">
      <form className="card settings" onSubmit={(e) => void save(e)} noValidate aria-labelledby="settings-title">
        <h2 className="card-title" id="settings-title">
          {action.name}
        </h2>
        <h3 className="subhead">Steps</h3>
        <ol className="steps">
          {steps.map((s) => (
            <li key={s.id}>
              <strong>
                {s.followupTime} {s.followupTimeUnit}
              </strong>{' '}
              after {s.id === steps[0]?.id ? 'the last message' : 'the previous step'}
              <span className="muted small"> · {s.aiEnabledMessage ? 'AI-written message' : `“${s.customMessage ?? ''}”`}</span>
            </li>
          ))}
        </ol>
        <label className="check">
          <input type="checkbox" checked={form.followUpHours} onChange={(e) => change({ ...form, followUpHours: e.target.checked })} />
          Send follow-ups only inside working hours
        </label>
        <FieldErrors lines={problems['followUpHours'] ?? []} />
        <WorkingHoursGrid days={form.days} problems={problems} onChange={(days) => change({ ...form, days })} />
        <fieldset className="radios">
          <legend>Read the hours in</legend>
          {(['contact', 'business'] as const).map((rule) => (
            <label className="check" key={rule}>
              <input
                type="radio"
                name="timezoneToUse"
                value={rule}
                checked={form.timezoneToUse === rule}
                onChange={() => change({ ...form, timezoneToUse: rule })}
              />
              {rule === 'contact' ? "The contact's time zone" : "The business's time zone (the agent's)"}
            </label>
          ))}
        </fieldset>
        <label className="check">
          <input
            type="checkbox"
            checked={form.dynamicChannelSwitching}
            onChange={(e) => change({ ...form, dynamicChannelSwitching: e.target.checked })}
          />
          Switch channel when the conversation's own is closed (dynamic channel switching)
        </label>
        <FieldErrors lines={problems['form'] ?? []} />
        <div className="row end">
          {saved ? (
            <span className="ok small" role="status">
              {saved}
            </span>
          ) : null}
          <button type="submit" className="button primary" disabled={Object.keys(local).length > 0}>
            Save settings
          </button>
        </div>
      </form>
      <PreviewPanel details={details} settings={settings} />
    </div>
  );
}

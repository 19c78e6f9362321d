import { Injectable } from '@nestjs/common';
import type { ChannelProvider, ConnectionView, SettingReferenceKind, VoiceAgentView } from '@followup/channels-core';
import { ChannelConnectionEntity, Repositories, Store, VoiceAgentEntity } from '@followup/persistence';
import { WorkingHours, isWithinHours } from '@followup/timing';

/**
 * The resources of the location a connection's settings name (`ChannelProvider.settingReferences`),
 * as the provider's webhooks see them: a Voice AI agent with whether it is inside its working hours
 * now (libs/timing's rule, in the agent's zone). Used by the webhooks before a request is read.
 */
@Injectable()
export class ConnectionReferences {
  constructor(private readonly store: Store) {}

  /** The connection's view with its references loaded (the view as it is when the provider names none). */
  async view(connection: Readonly<ChannelConnectionEntity>, provider: ChannelProvider, now: Date): Promise<ConnectionView> {
    const view: ConnectionView = { id: connection.id, locationId: connection.locationId, settings: connection.settings };
    const named = Object.entries(provider.settingReferences ?? {}).filter(([setting]) => typeof connection.settings[setting] === 'string');
    if (!named.length) return view;
    const references: Record<string, VoiceAgentView> = {};
    await this.store.run(async (r) => {
      for (const [setting, kind] of named) {
        const found = await load(r, connection.locationId, kind, String(connection.settings[setting]), now);
        if (found) references[setting] = found;
      }
    });
    return { ...view, references };
  }
}

async function load(
  r: Repositories,
  locationId: string,
  kind: SettingReferenceKind,
  id: string,
  now: Date,
): Promise<VoiceAgentView | null> {
  switch (kind) {
    case 'voice_agent': {
      const agent = await r.voiceAgents.findById(locationId, id);
      return agent ? voiceAgentView(agent, now) : null;
    }
  }
}

/** Seed 002 numbers the days 1 = Monday ... 7 = Sunday; libs/timing 0 = Sunday ... 6 = Saturday. */
export function voiceAgentHours(agent: Pick<VoiceAgentEntity, 'agentWorkingHours'>): WorkingHours {
  return agent.agentWorkingHours.map((day) => ({
    dayOfTheWeek: Number(day['dayOfTheWeek']) % 7,
    intervals: (day['intervals'] ?? []) as WorkingHours[number]['intervals'],
  }));
}

export function voiceAgentView(agent: VoiceAgentEntity, now: Date): VoiceAgentView {
  const hours = voiceAgentHours(agent);
  return {
    id: agent.id,
    welcomeMessage: agent.welcomeMessage,
    language: agent.language,
    maxCallDurationSeconds: agent.maxCallDuration,
    timezone: agent.timezone,
    // An agent without working hours answers at any time.
    openNow: hours.length === 0 || isWithinHours(now, hours, agent.timezone),
  };
}

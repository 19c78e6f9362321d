import { Injectable } from '@nestjs/common';
import { DetectRequestDto, DetectResultDto } from '@followup/contracts';
import { IntentDetector, actionPhrases } from '@followup/detection';
import { Store } from '@followup/persistence';
import { Clock, throwIfProblems } from '@followup/util';

/**
 * `POST /detect`: the detector the engine runs on every inbound message, with the same inputs (the
 * zone, the time it was sent, the agent's own phrases), so a user can see why a reply did what it did.
 */
@Injectable()
export class DetectionService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly detector: IntentDetector,
  ) {}

  async detect(locationId: string, dto: DetectRequestDto): Promise<DetectResultDto> {
    const agent = dto.agent_id ? await this.store.catalog.agent(locationId, dto.agent_id) : null;
    throwIfProblems(dto.agent_id && !agent ? [`agent_id ${dto.agent_id} is not a Conversation AI agent of this location`] : []);
    const actions = agent ? await this.store.catalog.actionsOf(locationId, agent.id) : [];
    const timezone = dto.timezone ?? agent?.timezone ?? 'UTC';
    const sentAt = dto.at ? new Date(dto.at) : this.clock.now();
    // Read as the engine reads an inbound text: ahead, on a reading thread when there is one.
    const reading = await this.detector.readAhead(dto.text);
    const found = this.detector.detect({ text: dto.text, sentAt, zone: timezone, phrases: actionPhrases(actions) }, reading);
    return {
      intent: found.intent,
      followup_at: found.requestedAt?.toISOString() ?? null,
      time_given: found.requestedAt ? found.timeGiven !== false : null,
      language: found.language,
      confidence: Math.round(found.confidence * 100) / 100,
      action: found.action ?? null,
      timezone,
    };
  }
}

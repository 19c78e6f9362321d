/** Response shapes of the Conversation AI routes (HighLevel's official client models). */

export class ActionRefDto {
  id!: string;
  type!: string;
}

export class ConversationAgentDto {
  id!: string;
  locationId!: string;
  name!: string;
  businessName?: string | null;
  mode!: string;
  channels!: string[];
  isPrimary!: boolean;
  waitTime!: number;
  waitTimeUnit!: string;
  sleepEnabled!: boolean;
  sleepTime?: number | null;
  sleepTimeUnit?: string | null;
  personality!: string;
  goal!: string;
  instructions!: string;
  autoPilotMaxMessages!: number;
  knowledgeBaseIds!: string[];
  respondToImages!: boolean;
  respondToAudio!: boolean;
  sleepOnManualMessage!: boolean;
  sleepOnWorkflowMessage!: boolean;
  /** The business's IANA zone, or null (follow-ups then use UTC). */
  timezone!: string | null;
  /** An inactive agent sends no follow-ups. */
  active!: boolean;
  actions!: ActionRefDto[];
  createdAt!: string;
  updatedAt!: string;
}

export class SearchConversationAgentsResponseDto {
  agents!: ConversationAgentDto[];
  /** Agents in the location, unfiltered. */
  totalCount!: number;
  /** Agents in this response. */
  count!: number;
}

export class DeleteConversationAgentResponseDto {
  success!: boolean;
  id!: string;
}

export class ActionDto {
  id!: string;
  name!: string;
  /** camelCase, whichever spelling was sent. */
  type!: string;
  agentId!: string;
  details!: Record<string, unknown>;
  createdAt!: string;
  updatedAt!: string;
}

export class ActionEnvelopeDto {
  data!: ActionDto;
  success!: boolean;
}

export class ActionListEnvelopeDto {
  data!: ActionDto[];
  success!: boolean;
}

export class DeletedIdDto {
  id!: string;
}

export class DeleteActionEnvelopeDto {
  data!: DeletedIdDto;
  success!: boolean;
}

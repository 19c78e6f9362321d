import { Module } from '@nestjs/common';
import { ActionsService } from './conversation-ai/actions.service';
import { ConversationAgentsService } from './conversation-ai/conversation-agents.service';
import { VoiceAgentsService } from './voice-ai/voice-agents.service';

/** Conversation AI agents and actions, and Voice AI agents. Needs Store and Clock. */
@Module({
  providers: [ConversationAgentsService, ActionsService, VoiceAgentsService],
  exports: [ConversationAgentsService, ActionsService, VoiceAgentsService],
})
export class AgentsModule {}

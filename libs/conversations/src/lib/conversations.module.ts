import { Module } from '@nestjs/common';
import { IntentDetector, MultilingualIntentDetector } from '@followup/detection';
import { ChannelEventsService } from './channel-events.service';
import { ConnectionReferences } from './connection-references';
import { ChatVisitorsService } from './chat-visitors.service';
import { ContactsService } from './contacts.service';
import { ConversationStateService } from './conversation-state.service';
import { ConversationsService } from './conversations.service';
import { ActionMessages } from './action-messages';
import { DetectionService } from './detection.service';
import { MessageRecorder } from './message-recorder';
import { ReplyActions } from './reply-actions';
import { UnsubscribeService } from './unsubscribe.service';

/**
 * Contacts, conversations, messages, channel events (webhooks), live chat visitors and unsubscribe links. Needs Store,
 * Clock, ChannelLinks and the scheduler's FollowupPlanner, OutboundSender and SchedulerSignals.
 */
@Module({
  providers: [
    ContactsService,
    ConversationsService,
    MessageRecorder,
    DetectionService,
    ReplyActions,
    ActionMessages,
    ConversationStateService,
    ChannelEventsService,
    ChatVisitorsService,
    UnsubscribeService,
    ConnectionReferences,
    { provide: IntentDetector, useClass: MultilingualIntentDetector },
  ],
  exports: [
    DetectionService,
    ContactsService,
    ConversationsService,
    ConversationStateService,
    ChannelEventsService,
    ChatVisitorsService,
    UnsubscribeService,
    ConnectionReferences,
  ],
})
export class ConversationsModule {}

import { Initial1763900000000 } from './1763900000000-initial';
import { Engine1764000000000 } from './1764000000000-engine';
import { Channels1764100000000 } from './1764100000000-channels';
import { Attempts1764200000000 } from './1764200000000-attempts';
import { ConversationState1764300000000 } from './1764300000000-conversation-state';
import { MessageNotes1764400000000 } from './1764400000000-message-notes';
import { Intelligence1764500000000 } from './1764500000000-intelligence';
import { ConfigSteps1764600000000 } from './1764600000000-config-steps';
import { LiveChat1764700000000 } from './1764700000000-live-chat';
import { SessionClosed1764750000000 } from './1764750000000-session-closed';
import { CallRecords1764800000000 } from './1764800000000-call-records';

/** Every migration, oldest first. Both engines run the same list. */
export const MIGRATIONS = [
  Initial1763900000000,
  Engine1764000000000,
  Channels1764100000000,
  Attempts1764200000000,
  ConversationState1764300000000,
  MessageNotes1764400000000,
  Intelligence1764500000000,
  ConfigSteps1764600000000,
  LiveChat1764700000000,
  SessionClosed1764750000000,
  CallRecords1764800000000,
];

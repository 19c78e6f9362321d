import { Injectable } from '@nestjs/common';
import type { ChannelType } from '@followup/channels-core';

/** A message an action sends on a conversation's channel (a handover's or a stop's finalMessage). */
export interface ActionMessage {
  locationId: string;
  conversationId: string;
  text: string;
  /** Another channel than the conversation's (a handover's call goes on voice). */
  channel?: ChannelType;
}

/**
 * Hands the final messages of seed actions, once their unit of work has committed, to whoever sends
 * them (ConversationsService, which sends through the conversation's channel and records the result).
 * A bus rather than a call: the sender records messages through the MessageRecorder that raises them.
 */
@Injectable()
export class ActionMessages {
  private listener?: (message: ActionMessage) => Promise<unknown>;

  listen(listener: (message: ActionMessage) => Promise<unknown>): void {
    this.listener = listener;
  }

  send(message: ActionMessage): void {
    void this.listener?.(message);
  }
}

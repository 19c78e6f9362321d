import { IsNotEmpty, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { MEDIUM_TEXT, Optional, SHORT_TEXT } from '../validation';

export const WORKFLOW_ID_RE = /^[A-Za-z0-9_.:-]{1,128}$/;
/** Standard Webhooks secret: `whsec_` and the base64 of 24 to 64 random bytes. */
export const WEBHOOK_SECRET_RE = /^whsec_[A-Za-z0-9+/]{32,88}={0,2}$/;

/** Body of `POST /workflows`. */
export class CreateWorkflowDto {
  /** The id follow-up steps name in `workflowId`. */
  @Matches(WORKFLOW_ID_RE, { message: 'id must be 1-128 letters, digits, or . _ : -' }) id!: string;
  @Optional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT) name?: string;
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false }, { message: 'url must be an http(s) URL' })
  @MaxLength(MEDIUM_TEXT)
  url!: string;
  /** Signing secret; generated (and shown once) when absent. */
  @Optional()
  @Matches(WEBHOOK_SECRET_RE, { message: 'secret must be a Standard Webhooks secret: whsec_ followed by base64 of 24-64 bytes' })
  secret?: string;
}

export class WorkflowDto {
  id!: string;
  name!: string | null;
  url!: string;
  /** Shown in full only in the answer that created it; masked afterwards. */
  secret!: string;
  created_at!: string;
}

export class WorkflowDeliveryDto {
  id!: string;
  workflow_id!: string;
  followup_id!: string | null;
  status!: string;
  attempts!: number;
  next_attempt_at!: string | null;
  last_status_code!: number | null;
  last_error!: string | null;
  delivered_at!: string | null;
  created_at!: string;
  payload!: unknown;
}

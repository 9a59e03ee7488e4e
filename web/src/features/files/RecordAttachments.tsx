import { AttachmentsField } from './AttachmentsField.js';

interface RecordAttachmentsProps {
  ownerType: 'plan' | 'team';
  ownerId: string;
  /** The record is issued (a plan) or founded (a team): its signed, sealed scan may be attached. */
  signed: boolean;
  signedScanLabel: string;
  supportingLabel: string;
}

/**
 * The files of a committee record (a plan, a team): the scan of the signed original once it is
 * issued, and its supporting documents at any stage. Each field asks the server who may attach
 * and what it accepts; whoever may see the record sees and downloads both lists.
 */
export function RecordAttachments({ ownerType, ownerId, signed, signedScanLabel, supportingLabel }: RecordAttachmentsProps) {
  return (
    <>
      {signed && <AttachmentsField ownerType={ownerType} ownerId={ownerId} purpose="signed_scan" label={signedScanLabel} />}
      <AttachmentsField ownerType={ownerType} ownerId={ownerId} purpose="supporting" label={supportingLabel} />
    </>
  );
}
